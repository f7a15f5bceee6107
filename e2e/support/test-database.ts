import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '@parley/db/embedded';
import { freePort } from '@parley/test-support/free-port';
import { createTestDatabase } from '@parley/test-support/test-database';

/** A fresh migrated database for one e2e run, and how to remove it. */
export interface E2eDatabase {
  url: string;
  close(): Promise<void>;
}

/** On DATABASE_URL's server when set, else on an embedded Postgres of its own (cluster in a temp dir). */
export async function openE2eDatabase(): Promise<E2eDatabase> {
  const given = process.env.DATABASE_URL;
  if (given) {
    const database = await createTestDatabase(given, 'parley_e2e');
    return { url: database.url, close: () => database.drop() };
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'parley-e2e-pg-'));
  const server = await startEmbeddedPostgres({ dataDir: join(dataDir, 'cluster'), port: await freePort() });
  const stop = async () => {
    await server.stop();
    await rm(server.dataDir, { recursive: true, force: true });
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    const database = await createTestDatabase(server.url, 'parley_e2e');
    return {
      url: database.url,
      close: async () => {
        await database.drop();
        await stop();
      },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
