import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The AES-256 key for workspace secrets and where it came from (log `source`, never the key). */
export interface SecretsKey {
  key: Buffer;
  source: 'env' | 'dev-file';
}

/** The development key's file in PARLEY_DATA_DIR. */
const DEV_KEY_FILE = 'secrets-key';

function decodeKey(text: string, from: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== 32) {
    throw new Error(
      `${from} must be 32 random bytes in base64 (e.g. \`openssl rand -base64 32\`), got ${key.length} bytes`,
    );
  }
  return key;
}

/**
 * PARLEY_SECRETS_KEY (base64 of 32 bytes); in development, when unset, a random key made once
 * and kept in PARLEY_DATA_DIR/secrets-key so the web app and the runtime decrypt the same secrets
 * (npm start sets PARLEY_DATA_DIR to the repository's data/). Production (NODE_ENV=production)
 * requires the variable: a key file beside the database it protects would protect little.
 */
export function resolveSecretsKey(env: Readonly<Record<string, string | undefined>> = process.env): SecretsKey {
  const given = env.PARLEY_SECRETS_KEY;
  if (given) return { key: decodeKey(given, 'PARLEY_SECRETS_KEY'), source: 'env' };
  if (env.NODE_ENV === 'production') {
    throw new Error(
      'PARLEY_SECRETS_KEY is not set; with NODE_ENV=production set it for the web app and the runtime to the same 32 random bytes in base64 (`openssl rand -base64 32`)',
    );
  }
  if (!env.PARLEY_DATA_DIR) {
    throw new Error(
      'PARLEY_SECRETS_KEY is not set, and there is no PARLEY_DATA_DIR to keep a development key in: set one of them',
    );
  }
  const path = join(env.PARLEY_DATA_DIR, DEV_KEY_FILE);
  mkdirSync(dirname(path), { recursive: true });
  try {
    // 'wx': when web and runtime start together only one writes; the other reads the winner's.
    writeFileSync(path, randomBytes(32).toString('base64'), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return { key: decodeKey(readFileSync(path, 'utf8'), path), source: 'dev-file' };
}
