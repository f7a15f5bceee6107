import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrationsDir, schemaPath } from '@parley/test-support/repo-paths';
import pg from 'pg';
import { afterEach, expect, test } from 'vitest';
import { createDatabase, databaseUrl, dropDatabase } from '../src/databases';
import { createNewMigration, deployMigrations, diffDatabaseToSchema, readSchemaFile } from '../src/migrate/index';

const serverUrl = process.env.DATABASE_URL as string;
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function emptyDatabase(): Promise<string> {
  const name = `parley_migrations_${randomBytes(4).toString('hex')}`;
  await createDatabase(serverUrl, name);
  cleanups.push(() => dropDatabase(serverUrl, name));
  return databaseUrl(serverUrl, name);
}

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

test('deploy applies every migration folder to an empty database, recorded as prisma migrate deploy does', async () => {
  const url = await emptyDatabase();
  const folders = (await readdir(migrationsDir, { withFileTypes: true })).filter((e) => e.isDirectory());
  const names = folders.map((e) => e.name).sort();
  expect(names.length).toBeGreaterThan(0);

  expect(await deployMigrations(url, migrationsDir)).toEqual(names);

  const recorded = await query<{ migration_name: string; finished_at: Date | null; rolled_back_at: Date | null }>(
    url,
    'SELECT migration_name, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY migration_name',
  );
  expect(recorded.map((r) => r.migration_name)).toEqual(names);
  expect(recorded.every((r) => r.finished_at !== null && r.rolled_back_at === null)).toBe(true);
  const tables = await query<{ table_name: string }>(
    url,
    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
  );
  expect(tables.map((t) => t.table_name)).toEqual([
    '_prisma_migrations',
    'api_keys',
    'audit_entries',
    'call_events',
    'calls',
    'flow_versions',
    'flow_webhooks',
    'flows',
    'memberships',
    'rate_limit_events',
    'secrets',
    'sessions',
    'setup_codes',
    'test_runs',
    'users',
    'webhook_allow_entries',
    'webhook_deliveries',
    'workspaces',
  ]);
});

test('the migrated database matches schema.prisma exactly (empty diff)', async () => {
  const url = await emptyDatabase();
  await deployMigrations(url, migrationsDir);
  expect(await diffDatabaseToSchema(url, await readSchemaFile(schemaPath))).toBe('');
});

test('the diff reports what the database lacks', async () => {
  const url = await emptyDatabase();
  await deployMigrations(url, migrationsDir);
  await query(url, 'DROP INDEX "flows_workspace_id_updated_at_idx"');
  expect(await diffDatabaseToSchema(url, await readSchemaFile(schemaPath))).toContain(
    'CREATE INDEX "flows_workspace_id_updated_at_idx"',
  );
});

test('flows made before workspaces existed move to one Default workspace; a fresh database gets none', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'parley-migrations-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  const folders = (await readdir(migrationsDir, { withFileTypes: true })).filter((e) => e.isDirectory());
  const init = folders.map((e) => e.name).sort()[0] as string;
  await cp(join(migrationsDir, init), join(dir, init), { recursive: true });
  await cp(join(migrationsDir, 'migration_lock.toml'), join(dir, 'migration_lock.toml'));

  const url = await emptyDatabase();
  await deployMigrations(url, dir);
  for (const name of ['One', 'Two']) {
    await query(
      url,
      `INSERT INTO flows (id, name, draft, updated_at) VALUES (gen_random_uuid(), '${name}', '{}', now())`,
    );
  }
  await deployMigrations(url, migrationsDir);

  const workspaces = await query<{ id: string; name: string }>(url, 'SELECT id, name FROM workspaces');
  expect(workspaces).toEqual([{ id: expect.any(String), name: 'Default' }]);
  const owners = await query<{ workspace_id: string }>(url, 'SELECT DISTINCT workspace_id FROM flows');
  expect(owners).toEqual([{ workspace_id: workspaces[0]?.id }]);

  const fresh = await emptyDatabase();
  await deployMigrations(fresh, migrationsDir);
  expect(await query(fresh, 'SELECT id FROM workspaces')).toEqual([]);
});

test('deploy is idempotent: a second run applies nothing and records nothing new', async () => {
  const url = await emptyDatabase();
  await deployMigrations(url, migrationsDir);
  expect(await deployMigrations(url, migrationsDir)).toEqual([]);
  const [row] = await query<{ count: string }>(url, 'SELECT count(*) AS count FROM _prisma_migrations');
  const folders = (await readdir(migrationsDir, { withFileTypes: true })).filter((e) => e.isDirectory());
  expect(Number(row?.count)).toBe(folders.length);
});

test('a new migration holds the change from the existing migrations to the schema, then deploys', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'parley-migrations-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  await cp(migrationsDir, dir, { recursive: true });
  const schema = await readSchemaFile(schemaPath);

  expect(await createNewMigration('nothing', { serverUrl, migrationsDir: dir, schema })).toBeNull();

  const changed = {
    path: schema.path,
    content: schema.content.replace('  room          String?', '  room          String?\n  region        String?'),
  };
  expect(changed.content).not.toBe(schema.content);
  const created = await createNewMigration('Add call region', {
    serverUrl,
    migrationsDir: dir,
    schema: changed,
    now: new Date('2030-01-02T03:04:05Z'),
  });
  expect(created?.name).toBe('20300102030405_add_call_region');
  const sql = await readFile(join(dir, '20300102030405_add_call_region', 'migration.sql'), 'utf8');
  expect(sql).toMatch(/ALTER TABLE "calls" ADD COLUMN\s+"region" TEXT/);

  const url = await emptyDatabase();
  expect(await deployMigrations(url, dir)).toContain('20300102030405_add_call_region');
  expect(await diffDatabaseToSchema(url, changed)).toBe('');
});
