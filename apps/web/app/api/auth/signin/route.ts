import { users } from '@parley/db';
import { ApiError } from '@/src/server/api-error';
import { signInBody } from '@/src/server/auth/credentials-body';
import { sameOrigin } from '@/src/server/auth/csrf';
import { verifyAgainstDecoy, verifyPassword } from '@/src/server/auth/password';
import { accountSignInLimiter, signInLimiter } from '@/src/server/auth/rate-limit';
import { sessionResponse } from '@/src/server/auth/session-response';
import { handle } from '@/src/server/handle';
import { parseBody } from '@/src/server/parse-body';
import { readJsonBody } from '@/src/server/read-json-body';

/** Signs in with email and password: sets the session cookies; 429 after 5 tries a minute. */
export const POST = handle(async (request) => {
  // Another site must not sign a visitor into an account of its choosing (login CSRF).
  if (!sameOrigin(request)) throw new ApiError(403, 'csrf_failed', 'Sign in from Parley itself.');
  const { email, password } = parseBody(signInBody, await readJsonBody(request));
  // Next gives route handlers no socket address: behind a proxy its X-Forwarded-For names the client.
  const client = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() ?? 'direct';
  const account = email.toLowerCase();
  const waitMs = Math.max(signInLimiter.take(`${client}|${account}`), accountSignInLimiter.take(account));
  if (waitMs > 0) {
    throw new ApiError(429, 'rate_limited', 'Too many sign-in attempts; wait a minute and try again.', {
      retryAfterSeconds: Math.ceil(waitMs / 1000),
    });
  }
  const user = await users.findCredentials(email);
  const valid = user ? await verifyPassword(password, user.passwordHash) : await verifyAgainstDecoy(password);
  if (!user || !valid) throw new ApiError(401, 'invalid_credentials', 'Wrong email or password.');
  return sessionResponse(user, request);
});
