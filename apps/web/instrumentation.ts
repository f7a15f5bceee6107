/** Next runs this once at server start: seeds the admin from PARLEY_ADMIN_EMAIL/PASSWORD on first run. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { seedAdminFromEnv } = await import('./src/server/auth/admin-seed');
  console.log(`[auth] ${await seedAdminFromEnv()}`);
}
