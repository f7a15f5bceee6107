import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@parley/test-support/free-port';
import { migrationsDir } from '@parley/test-support/repo-paths';
import pg from 'pg';
import { afterEach, expect, test } from 'vitest';
import { ensureDatabase, type ReadyDatabase } from '../src/bootstrap';
import { databaseUrl, dropDatabase } from '../src/databases';

const testUrl = process.env.DATABASE_URL as string;
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  process.env.DATABASE_URL = testUrl;
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function appliedMigrations(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query(
      'SELECT count(*)::int AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL',
    );
    return result.rows[0].n;
  } finally {
    await client.end();
  }
}

test('with DATABASE_URL naming a missing database, ensureDatabase creates and migrates it', async () => {
  const name = `parley_bootstrap_${randomBytes(4).toString('hex')}`;
  const url = databaseUrl(testUrl, name);
  cleanups.push(() => dropDatabase(testUrl, name));
  process.env.DATABASE_URL = url;

  // With DATABASE_URL the embedded cluster's folder is never used.
  const options = { dataDir: join(tmpdir(), 'parley-bootstrap-unused'), migrationsDir };
  const ready: ReadyDatabase = await ensureDatabase(options);
  expect(ready).toMatchObject({ url, embedded: false });
  expect(await appliedMigrations(url)).toBeGreaterThan(0);
  // A second start finds everything in place.
  expect((await ensureDatabase(options)).url).toBe(url);
  await ready.stop();
});

test('without DATABASE_URL, ensureDatabase serves database parley from an embedded cluster', async () => {
  const parent = await mkdtemp(join(tmpdir(), 'parley-bootstrap-'));
  await chmod(parent, 0o755);
  cleanups.push(() => rm(parent, { recursive: true, force: true }));
  delete process.env.DATABASE_URL;
  const port = await freePort();

  const ready = await ensureDatabase({ dataDir: join(parent, 'postgres'), migrationsDir, port });
  cleanups.push(() => ready.stop());
  expect(ready.embedded).toBe(true);
  expect(ready.url).toBe(`postgresql://postgres:parley@127.0.0.1:${port}/parley`);
  expect(await appliedMigrations(ready.url)).toBeGreaterThan(0);
});
