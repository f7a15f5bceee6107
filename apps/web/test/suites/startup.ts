import { expect, test } from 'vitest';
import { startApp } from '../support/next-server';

/** Production start-up refuses missing settings by name, before serving anything. */
export function startupSuite(): void {
  test('next start with NODE_ENV=production and no PARLEY_SECRET stops at start-up naming the setting', async () => {
    const databaseUrl = process.env.DATABASE_URL as string;
    await expect(startApp(databaseUrl, { PARLEY_SECRET: '' })).rejects.toThrow(
      /cannot start: PARLEY_SECRET is not set; with NODE_ENV=production set it/,
    );
  });

  test('a half-configured LiveKit stops the web app at start-up naming the missing variables', async () => {
    const databaseUrl = process.env.DATABASE_URL as string;
    await expect(startApp(databaseUrl, { LIVEKIT_URL: 'ws://127.0.0.1:7880' })).rejects.toThrow(
      /cannot start: LiveKit is half configured: set LIVEKIT_API_KEY, LIVEKIT_API_SECRET too/,
    );
  });
}
