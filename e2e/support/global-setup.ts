import { randomBytes } from 'node:crypto';
import { e2eAdmin } from './admin-account';
import { startRuntime } from './runtime-server';
import { openE2eDatabase } from './test-database';
import { ensureE2eBuild, startWeb } from './web-server';

/** Playwright global setup: fresh database, up-to-date build, running server; returns the teardown. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  ensureE2eBuild();
  const database = await openE2eDatabase();
  // The web server signs call tokens that the runtime verifies: both get the same secret.
  process.env.PARLEY_SECRET ||= randomBytes(24).toString('hex');
  // Web and runtime encrypt and decrypt workspace secrets with the same key.
  process.env.PARLEY_SECRETS_KEY ||= randomBytes(32).toString('base64');
  // The web server creates this admin at startup; tests sign in as it (see fixtures.ts).
  process.env.PARLEY_ADMIN_EMAIL = e2eAdmin.email;
  process.env.PARLEY_ADMIN_PASSWORD = e2eAdmin.password;
  let runtime: Awaited<ReturnType<typeof startRuntime>>;
  let server: Awaited<ReturnType<typeof startWeb>>;
  try {
    runtime = await startRuntime(database.url, process.env.PARLEY_SECRET);
  } catch (error) {
    await database.close();
    throw error;
  }
  process.env.RUNTIME_PUBLIC_URL = runtime.wsUrl;
  try {
    server = await startWeb(database.url);
  } catch (error) {
    await runtime.stop();
    await database.close();
    throw error;
  }
  // Workers start after global setup and inherit its environment.
  process.env.PARLEY_E2E_BASE_URL = server.url;
  return async () => {
    await server.stop();
    await runtime.stop();
    await database.close();
  };
}
