import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveParleySecret } from '../src';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'parley-secret-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('PARLEY_SECRET', () => {
  it('uses the environment value when set', () => {
    expect(resolveParleySecret({ PARLEY_SECRET: 'x'.repeat(32) }, tempDir())).toEqual({
      secret: 'x'.repeat(32),
      source: 'env',
    });
  });

  it('refuses a short secret', () => {
    expect(() => resolveParleySecret({ PARLEY_SECRET: 'short' }, tempDir())).toThrow(/too short/);
  });

  it('is required in production', () => {
    expect(() => resolveParleySecret({ NODE_ENV: 'production' }, tempDir())).toThrow(/with NODE_ENV=production set it/);
  });

  it('in development makes one secret under data/ and keeps using it', () => {
    const dir = join(tempDir(), 'data');
    const first = resolveParleySecret({}, dir);
    const second = resolveParleySecret({}, dir);
    expect(first.source).toBe('dev-file');
    expect(first.secret).toMatch(/^[0-9a-f]{64}$/);
    expect(second.secret).toBe(first.secret);
    expect(readFileSync(join(dir, 'parley-secret'), 'utf8')).toBe(first.secret);
    expect(statSync(join(dir, 'parley-secret')).mode & 0o077).toBe(0);
  });

  it('takes the folder from PARLEY_DATA_DIR, and guesses none when it is unset', () => {
    const dir = join(tempDir(), 'data');
    expect(resolveParleySecret({ PARLEY_DATA_DIR: dir }).path).toBe(join(dir, 'parley-secret'));
    expect(() => resolveParleySecret({})).toThrow(/PARLEY_SECRET is not set, and there is no PARLEY_DATA_DIR/);
  });
});
