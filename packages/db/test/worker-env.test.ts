import { afterAll, expect, test } from 'vitest';
import { closeDb, getDb } from '../src/index';

afterAll(closeDb);

test('workers get the per-run test database from the global setup as DATABASE_URL', async () => {
  const url = process.env.DATABASE_URL;
  expect(url).toMatch(/\/parley_test_[0-9a-f]+$/);
  const [row] = await getDb().$queryRaw<{ name: string }[]>`SELECT current_database() AS name`;
  expect(url?.endsWith(`/${row?.name}`)).toBe(true);
  const [migrated] = await getDb().$queryRaw<{ count: bigint }[]>`SELECT count(*) AS count FROM _prisma_migrations`;
  expect(Number(migrated?.count)).toBeGreaterThan(0);
});
