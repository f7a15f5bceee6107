import { randomBytes } from 'node:crypto';
import { createDatabase, databaseUrl, dropDatabase } from './databases';
import { deployMigrations } from './migrate/deploy';

export interface TestDatabase {
  name: string;
  url: string;
  /** Drops the database, closing any connection still open to it. */
  drop(): Promise<void>;
}

/** Creates a fresh, migrated database `<prefix>_<random>` on the server at `serverUrl`. */
export async function createTestDatabase(serverUrl: string, prefix = 'parley_test'): Promise<TestDatabase> {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  await createDatabase(serverUrl, name);
  const url = databaseUrl(serverUrl, name);
  const drop = () => dropDatabase(serverUrl, name);
  try {
    await deployMigrations(url);
  } catch (error) {
    await drop();
    throw error;
  }
  return { name, url, drop };
}
