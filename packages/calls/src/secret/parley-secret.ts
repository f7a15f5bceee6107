import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The shared secret and where it came from (never the secret itself in logs: log `source`). */
export interface ParleySecret {
  secret: string;
  source: 'env' | 'dev-file';
  /** The file a dev secret is kept in. */
  path?: string;
}

const DEV_SECRET_FILE = 'parley-secret';

function readDevSecret(path: string): string | null {
  try {
    const text = readFileSync(path, 'utf8').trim();
    return text.length >= 16 ? text : null;
  } catch {
    return null;
  }
}

/**
 * PARLEY_SECRET from the environment; in development, when unset, a random secret made once and
 * kept in `dataDir`/parley-secret (default PARLEY_DATA_DIR, which npm start sets to the
 * repository's data/) so the web app and the runtime (separate processes) agree on it.
 * Production (NODE_ENV=production) requires PARLEY_SECRET.
 */
export function resolveParleySecret(
  env: Readonly<Record<string, string | undefined>> = process.env,
  dataDir: string | undefined = env.PARLEY_DATA_DIR,
): ParleySecret {
  const given = env.PARLEY_SECRET;
  if (given !== undefined && given !== '') {
    if (given.length < 16)
      throw new Error('PARLEY_SECRET is too short: use at least 16 characters (32 random bytes is best)');
    return { secret: given, source: 'env' };
  }
  if (env.NODE_ENV === 'production') {
    throw new Error(
      'PARLEY_SECRET is not set; with NODE_ENV=production set it for the web app and the runtime to the same random value (`openssl rand -hex 32`)',
    );
  }
  if (!dataDir) {
    throw new Error(
      'PARLEY_SECRET is not set, and there is no PARLEY_DATA_DIR to keep a development secret in: set one of them',
    );
  }
  const path = join(dataDir, DEV_SECRET_FILE);
  const existing = readDevSecret(path);
  if (existing) return { secret: existing, source: 'dev-file', path };
  mkdirSync(dataDir, { recursive: true });
  try {
    // 'wx': when web and runtime start together only one writes; the other reads the winner's.
    writeFileSync(path, randomBytes(32).toString('hex'), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const secret = readDevSecret(path);
  if (!secret) throw new Error(`the dev secret in ${path} is empty or too short; delete the file to make a new one`);
  return { secret, source: 'dev-file', path };
}
