import { resolveParleySecret } from '@parley/calls';
import { resolveSecretsKey } from '@parley/db/secret-key';

/**
 * The secrets web app and runtime must share, resolved once by `npm start`: from the environment,
 * else (one-machine use) the dev files in PARLEY_DATA_DIR (data/). With NODE_ENV=production they must be set, and
 * `npm start` stops here saying which, before anything starts.
 */
export function sharedSecrets(env: Readonly<Record<string, string | undefined>>): {
  PARLEY_SECRET: string;
  PARLEY_SECRETS_KEY: string;
} {
  try {
    return {
      PARLEY_SECRET: resolveParleySecret(env).secret,
      PARLEY_SECRETS_KEY: resolveSecretsKey(env).key.toString('base64'),
    };
  } catch (error) {
    console.error(`parley: cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

/** PARLEY_DB_PORT: the embedded PostgreSQL's port (default 54329), for running two Parleys side by side. */
export function embeddedDatabasePort(): number | undefined {
  const given = process.env.PARLEY_DB_PORT;
  if (!given) return undefined;
  const port = Number(given);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    console.error(`parley: cannot start: PARLEY_DB_PORT must be a port number (1-65535), got "${given}"`);
    process.exit(1);
  }
  return port;
}
