/** Next runs this once at server start: checks required settings, then seeds the admin from PARLEY_ADMIN_*. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { stopOnStartupProblems } = await import('./src/server/startup-check');
  stopOnStartupProblems();
  const { seedAdminFromEnv } = await import('./src/server/auth/admin-seed');
  console.log(`[auth] ${await seedAdminFromEnv()}`);
}
