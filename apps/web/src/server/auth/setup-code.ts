import { setupCodes, users } from '@parley/db';

/**
 * On a first run (no user yet), the lines the server prints so its operator, and only they, can
 * create the admin: the setup code /setup asks for. Empty once any user exists.
 */
export async function setupCodeAnnouncement(port = process.env.PORT ?? '3000'): Promise<string[]> {
  if ((await users.count()) > 0) return [];
  const code = await setupCodes.ensure();
  return [
    `[auth] No admin account yet: open http://localhost:${port}/setup and enter this one-time setup code.`,
    `[auth] Parley setup code: ${code}`,
  ];
}
