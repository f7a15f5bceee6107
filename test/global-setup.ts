import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { redactUrl } from '../packages/db/src/databases';
import { startEmbeddedPostgres } from '../packages/db/src/embedded';
import { freePort } from '../packages/db/src/free-port';
import { repoRoot } from '../packages/db/src/paths';
import { createTestDatabase } from '../packages/db/src/test-database';

interface TestRun {
  url: string;
  /** DATABASE_URL as it was before the run, restored when the run ends. */
  given: string | undefined;
  /** Projects (db, web, runtime) that set up against this database and have not torn down yet. */
  users: number;
  close(): Promise<void>;
}

// Each vitest project runs this file, possibly as separate module instances, while process.env is
// shared by all of them; so one database serves the whole run and is dropped by the last user.
const key = Symbol.for('parley.test-database');
const shared = globalThis as typeof globalThis & { [key]?: Promise<TestRun> };

async function openRun(): Promise<TestRun> {
  const given = process.env.DATABASE_URL;
  if (given) {
    const database = await createTestDatabase(given);
    console.log(`[test db] DATABASE_URL server ${new URL(given).host}: created ${database.name}`);
    process.env.DATABASE_URL = database.url;
    return { url: database.url, given, users: 0, close: () => database.drop() };
  }
  // A cluster of its own per run, so parallel test runs (other workspaces, other shells) never share one.
  const dataDir = join(repoRoot, 'data', 'postgres-test', `${process.pid}-${Date.now()}`);
  const port = await freePort();
  const server = await startEmbeddedPostgres({ dataDir, port }).catch(async (error: unknown) => {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  });
  const removeCluster = async () => {
    await server.stop();
    await rm(server.dataDir, { recursive: true, force: true });
  };
  try {
    const database = await createTestDatabase(server.url);
    console.log(`[test db] embedded Postgres on port ${port} (${dataDir}): created ${database.name}`);
    process.env.DATABASE_URL = database.url;
    return {
      url: database.url,
      given,
      users: 0,
      close: async () => {
        await database.drop();
        await removeCluster();
      },
    };
  } catch (error) {
    await removeCluster();
    throw error;
  }
}

/** Vitest globalSetup: a fresh, migrated database for this run, published as DATABASE_URL. */
export default async function setup(): Promise<() => Promise<void>> {
  shared[key] ??= openRun();
  const run = await shared[key];
  run.users += 1;
  process.env.DATABASE_URL = run.url;
  return async () => {
    run.users -= 1;
    if (run.users > 0) return;
    delete shared[key];
    if (run.given === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = run.given;
    await run.close();
    console.log(`[test db] dropped ${redactUrl(run.url)}`);
  };
}
