import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { redactUrl } from '@parley/db/databases';
import { startEmbeddedPostgres } from '@parley/db/embedded';
import { freePort } from '@parley/test-support/free-port';
import { repoRoot } from '@parley/test-support/repo-paths';
import { createTestDatabase } from '@parley/test-support/test-database';

interface TestRun {
  url: string;
  /** DATABASE_URL as it was before the run, restored when the run ends. */
  given: string | undefined;
  /** Projects (db, web, runtime) that set up against this database and have not torn down yet. */
  users: number;
  /** PARLEY_DATA_DIR for the run (a temporary folder), and the value it replaced. */
  dataDir: string;
  givenDataDir: string | undefined;
  close(): Promise<void>;
}

// Each vitest project runs this file, possibly as separate module instances, while process.env is
// shared by all of them; so one database serves the whole run and is dropped by the last user.
const key = Symbol.for('parley.test-database');
const shared = globalThis as typeof globalThis & { [key]?: Promise<TestRun> };

async function openRun(): Promise<TestRun> {
  const data = {
    dataDir: await mkdtemp(join(tmpdir(), 'parley-test-data-')),
    givenDataDir: process.env.PARLEY_DATA_DIR,
  };
  const given = process.env.DATABASE_URL;
  if (given) {
    const database = await createTestDatabase(given);
    console.log(`[test db] DATABASE_URL server ${new URL(given).host}: created ${database.name}`);
    process.env.DATABASE_URL = database.url;
    return { ...data, url: database.url, given, users: 0, close: () => database.drop() };
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
      ...data,
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

/**
 * Vitest globalSetup: a fresh, migrated database for this run, published as DATABASE_URL, and a
 * PARLEY_DATA_DIR of its own, so dev secrets made by code under test never land in the repo's data/.
 */
export default async function setup(): Promise<() => Promise<void>> {
  shared[key] ??= openRun();
  const run = await shared[key];
  run.users += 1;
  process.env.DATABASE_URL = run.url;
  process.env.PARLEY_DATA_DIR = run.dataDir;
  return async () => {
    run.users -= 1;
    if (run.users > 0) return;
    delete shared[key];
    if (run.given === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = run.given;
    if (run.givenDataDir === undefined) delete process.env.PARLEY_DATA_DIR;
    else process.env.PARLEY_DATA_DIR = run.givenDataDir;
    await run.close();
    await rm(run.dataDir, { recursive: true, force: true });
    console.log(`[test db] dropped ${redactUrl(run.url)}`);
  };
}
