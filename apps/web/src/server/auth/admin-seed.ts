import { UserExistsError, users } from '@parley/db';
import { hashPassword, minPasswordLength } from './password';

/**
 * For automated setups: when PARLEY_ADMIN_EMAIL and PARLEY_ADMIN_PASSWORD are set and no user
 * exists yet, creates that admin at startup. Once any user exists it does nothing, so a later
 * change of the variables never resets a password. Returns what it did, for the startup log.
 */
export async function seedAdminFromEnv(
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<string> {
  const email = env.PARLEY_ADMIN_EMAIL;
  const password = env.PARLEY_ADMIN_PASSWORD;
  if (!email || !password)
    return 'no PARLEY_ADMIN_EMAIL/PARLEY_ADMIN_PASSWORD: the admin is created at /setup with the setup code';
  if (password.length < minPasswordLength) {
    throw new Error(`PARLEY_ADMIN_PASSWORD must have at least ${minPasswordLength} characters`);
  }
  if ((await users.count()) > 0) return 'users exist: PARLEY_ADMIN_* left unused';
  try {
    await users.createFirstAdmin({ email, passwordHash: await hashPassword(password) });
    return `created the admin account ${email.toLowerCase()}`;
  } catch (error) {
    // Another process (a second web instance) seeded first: the same outcome.
    if (error instanceof UserExistsError) return 'users exist: PARLEY_ADMIN_* left unused';
    throw error;
  }
}
