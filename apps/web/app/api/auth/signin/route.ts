import { users } from '@parley/db';
import { ApiError } from '@/src/server/api-error';
import { QueueFullError } from '@/src/server/auth/bounded-queue';
import { signInBody } from '@/src/server/auth/credentials-body';
import { sameOrigin } from '@/src/server/auth/csrf';
import { verifyAgainstDecoy, verifyPassword } from '@/src/server/auth/password';
import { rateLimited } from '@/src/server/auth/rate-limited';
import { sessionResponse } from '@/src/server/auth/session-response';
import { clientAddress, SignInAttempt } from '@/src/server/auth/sign-in-limits';
import { handle } from '@/src/server/handle';
import { parseBody } from '@/src/server/parse-body';
import { readJsonBody } from '@/src/server/read-json-body';

/** Signs in with email and password: sets the session cookies; 429 past the limits (sign-in-limits.ts). */
export const POST = handle(async (request) => {
  // Another site must not sign a visitor into an account of its choosing (login CSRF).
  if (!sameOrigin(request)) throw new ApiError(403, 'csrf_failed', 'Sign in from Parley itself.');
  const { email, password } = parseBody(signInBody, await readJsonBody(request));
  const attempt = new SignInAttempt(clientAddress(request), email.toLowerCase());
  await attempt.admit();
  const user = await users.findCredentials(email);
  if (!user) await attempt.unknownEmail();
  let valid: boolean;
  try {
    valid = user ? await verifyPassword(password, user.passwordHash) : await verifyAgainstDecoy(password);
  } catch (error) {
    if (error instanceof QueueFullError) throw rateLimited('Sign-in is busy; try again in a few seconds.', 2000);
    throw error;
  }
  if (!user || !valid) throw new ApiError(401, 'invalid_credentials', 'Wrong email or password.');
  await attempt.succeeded();
  return sessionResponse(user, request);
});
