import { openE2eDatabase } from './test-database';
import { buildIsStale, buildWeb, startWeb } from './web-server';

/** Playwright global setup: fresh database, up-to-date build, running server; returns the teardown. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  if (buildIsStale()) await buildWeb();
  const database = await openE2eDatabase();
  let server: Awaited<ReturnType<typeof startWeb>>;
  try {
    server = await startWeb(database.url);
  } catch (error) {
    await database.close();
    throw error;
  }
  // Workers start after global setup and inherit its environment.
  process.env.PARLEY_E2E_BASE_URL = server.url;
  return async () => {
    await server.stop();
    await database.close();
  };
}
