import { afterAll, beforeAll } from 'vitest';
import { buildApp, type NextServer, startApp } from './next-server';

/**
 * Builds the app once and serves it for the calling test file (the only one that uses it),
 * against the run's test database, with `env()` (read at start) added to its environment. Returns getters for the server's base URL and for everything
 * it printed so far (tests grep it for secrets).
 */
export function useWebServer(env: () => Record<string, string> = () => ({})): {
  url: () => string;
  output: () => string;
} {
  let server: NextServer | undefined;
  beforeAll(async () => {
    const databaseUrl = process.env.DATABASE_URL;
    if (!databaseUrl) throw new Error('DATABASE_URL is not set; the global setup should create the test database.');
    await buildApp(databaseUrl);
    server = await startApp(databaseUrl, env());
  });
  afterAll(async () => {
    await server?.stop();
  });
  const running = () => {
    if (!server) throw new Error('The web server is not running.');
    return server;
  };
  return { url: () => running().url, output: () => running().output() };
}
