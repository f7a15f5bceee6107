/**
 * Next runs this once at server start: checks required settings, seeds the admin from
 * PARLEY_ADMIN_EMAIL/PASSWORD on first run, else prints the one-time setup code /setup asks for.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { stopOnStartupProblems } = await import('./src/server/startup-check');
  stopOnStartupProblems();
  const { seedAdminFromEnv } = await import('./src/server/auth/admin-seed');
  const { setupCodeAnnouncement } = await import('./src/server/auth/setup-code');
  console.log(`[auth] ${await seedAdminFromEnv()}`);
  for (const line of await setupCodeAnnouncement()) console.log(line);
}
