import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { closeDb, getDb, NotFoundError, secrets, workspaces } from '../src/index';
import { openSecret, sealSecret } from '../src/secret-cipher';
import { resolveSecretsKey } from '../src/secret-key';

afterAll(closeDb);

const value = `sk-live-${randomBytes(12).toString('hex')}`;

describe('workspace secrets', () => {
  test('are stored encrypted, listed by name only, and decrypted only by values()', async () => {
    const workspace = await workspaces.create('Secrets');
    await secrets.set(workspace.id, 'ORDERS_TOKEN', value);
    await secrets.set(workspace.id, 'A_KEY', 'first');
    await secrets.set(workspace.id, 'A_KEY', 'second');

    const listed = await secrets.listNames(workspace.id);
    expect(listed).toEqual([
      { name: 'A_KEY', updatedAt: expect.any(Date) },
      { name: 'ORDERS_TOKEN', updatedAt: expect.any(Date) },
    ]);
    expect(JSON.stringify(listed)).not.toContain(value);

    const [row] = await getDb().$queryRaw<{ text: string }[]>`
      SELECT row_to_json(s)::text AS text FROM secrets s WHERE workspace_id = ${workspace.id}::uuid AND name = 'ORDERS_TOKEN'`;
    expect(row?.text).toBeDefined();
    expect(row?.text).not.toContain(value);
    expect(row?.text).not.toContain(Buffer.from(value).toString('hex'));

    expect(await secrets.values(workspace.id)).toEqual({ ORDERS_TOKEN: value, A_KEY: 'second' });
    const other = await workspaces.create('Other');
    expect(await secrets.values(other.id)).toEqual({});
  });

  test('remove deletes by name; an unknown name is NotFound; bad names and empty values are refused', async () => {
    const workspace = await workspaces.create('Remove');
    await secrets.set(workspace.id, 'GONE', 'x');
    await secrets.remove(workspace.id, 'GONE');
    expect(await secrets.listNames(workspace.id)).toEqual([]);
    await expect(secrets.remove(workspace.id, 'GONE')).rejects.toBeInstanceOf(NotFoundError);
    await expect(secrets.set(workspace.id, 'has space', 'x')).rejects.toThrow(RangeError);
    await expect(secrets.set(workspace.id, 'EMPTY', '')).rejects.toThrow(RangeError);
  });
});

describe('the cipher and its key', () => {
  test('a sealed value opens only for the same key, workspace and name', () => {
    const key = randomBytes(32);
    const sealed = sealSecret(key, 'w1', 'TOKEN', 'hunter2');
    expect(openSecret(key, 'w1', 'TOKEN', sealed)).toBe('hunter2');
    expect(() => openSecret(key, 'w2', 'TOKEN', sealed)).toThrow();
    expect(() => openSecret(key, 'w1', 'OTHER', sealed)).toThrow();
    expect(() => openSecret(randomBytes(32), 'w1', 'TOKEN', sealed)).toThrow();
    expect(sealSecret(key, 'w1', 'TOKEN', 'hunter2').iv).not.toEqual(sealed.iv);
  });

  test('PARLEY_SECRETS_KEY must be 32 bytes; production requires it; development keeps one in a file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'parley-key-'));
    try {
      const given = randomBytes(32).toString('base64');
      expect(resolveSecretsKey({ PARLEY_SECRETS_KEY: given })).toEqual({
        key: Buffer.from(given, 'base64'),
        source: 'env',
      });
      expect(() => resolveSecretsKey({ PARLEY_SECRETS_KEY: 'c2hvcnQ=' })).toThrow(/32 random bytes/);
      expect(() => resolveSecretsKey({ NODE_ENV: 'production', PARLEY_DATA_DIR: dir })).toThrow(
        /PARLEY_SECRETS_KEY is not set; with NODE_ENV=production/,
      );
      // The package does not guess where data lives: without a key or a data folder it says so.
      expect(() => resolveSecretsKey({})).toThrow(/PARLEY_DATA_DIR/);

      const first = resolveSecretsKey({ PARLEY_DATA_DIR: dir });
      expect(first.source).toBe('dev-file');
      expect(first.key).toHaveLength(32);
      expect(resolveSecretsKey({ PARLEY_DATA_DIR: dir }).key).toEqual(first.key);
      expect(Buffer.from(await readFile(join(dir, 'secrets-key'), 'utf8'), 'base64')).toEqual(first.key);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
