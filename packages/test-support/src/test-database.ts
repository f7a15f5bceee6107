import { randomBytes } from 'node:crypto';
import { createDatabase, databaseUrl, dropDatabase } from '@parley/db/databases';
import { deployMigrations } from '@parley/db/migrate';
import { migrationsDir } from './repo-paths';

export interface TestDatabase {
  name: string;
  url: string;
  /** Drops the database, closing any connection still open to it. */
  drop(): Promise<void>;
}

/** Creates a fresh database `<prefix>_<random>` on the server at `serverUrl`, migrated from prisma/migrations. */
export async function createTestDatabase(serverUrl: string, prefix = 'parley_test'): Promise<TestDatabase> {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  await createDatabase(serverUrl, name);
  const url = databaseUrl(serverUrl, name);
  const drop = () => dropDatabase(serverUrl, name);
  try {
    await deployMigrations(url, migrationsDir);
  } catch (error) {
    await drop();
    throw error;
  }
  return { name, url, drop };
}
