import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@parley/test-support/free-port';
import pg from 'pg';
import { afterAll, expect, test } from 'vitest';
import { type EmbeddedServer, startEmbeddedPostgres } from '../src/embedded';

let parent = '';
let running: EmbeddedServer | undefined;

afterAll(async () => {
  await running?.stop();
  if (parent) await rm(parent, { recursive: true, force: true });
});

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

test('an embedded cluster keeps its data across a stop and a second start', async () => {
  parent = await mkdtemp(join(tmpdir(), 'parley-embedded-'));
  // When tests run as root, Postgres runs as user postgres and must be able to reach the cluster.
  await chmod(parent, 0o755);
  const dataDir = join(parent, 'cluster');
  const port = await freePort();

  running = await startEmbeddedPostgres({ dataDir, port });
  expect(running.url).toBe(`postgresql://postgres:parley@127.0.0.1:${port}/postgres`);
  await withClient(running.url, async (client) => {
    await client.query('CREATE TABLE kept (note text)');
    await client.query("INSERT INTO kept VALUES ('still here')");
  });
  await running.stop();
  running = undefined;
  await expect(withClient(`postgresql://postgres:parley@127.0.0.1:${port}/postgres`, async () => 0)).rejects.toThrow();

  running = await startEmbeddedPostgres({ dataDir, port });
  const rows = await withClient(running.url, async (client) => (await client.query('SELECT note FROM kept')).rows);
  expect(rows).toEqual([{ note: 'still here' }]);
});

test('a cluster asked for in a folder other users cannot enter still starts (root runs Postgres as user postgres)', async () => {
  // mkdtemp makes a 0700 folder: as root, user postgres cannot enter it.
  const closed = await mkdtemp(join(tmpdir(), 'parley-closed-'));
  const notices: string[] = [];
  const server = await startEmbeddedPostgres({
    dataDir: join(closed, 'data', 'postgres'),
    port: await freePort(),
    log: (line) => notices.push(line),
  });
  try {
    const rows = await withClient(server.url, async (client) => (await client.query('SELECT 1 AS one')).rows);
    expect(rows).toEqual([{ one: 1 }]);
    if (process.getuid?.() === 0) {
      expect(server.dataDir.startsWith(closed)).toBe(false);
      expect(notices.join('\n')).toContain('cannot enter');
    } else {
      expect(server.dataDir).toBe(join(closed, 'data', 'postgres'));
    }
  } finally {
    await server.stop();
    await rm(server.dataDir, { recursive: true, force: true });
    await rm(closed, { recursive: true, force: true });
  }
});
