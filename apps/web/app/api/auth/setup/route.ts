import { setupCodes, UserExistsError, users } from '@parley/db';
import { ApiError } from '@/src/server/api-error';
import { setupBody } from '@/src/server/auth/credentials-body';
import { sameOrigin } from '@/src/server/auth/csrf';
import { hashPassword } from '@/src/server/auth/password';
import { takeOrRefuse } from '@/src/server/auth/rate-limited';
import { sessionResponse } from '@/src/server/auth/session-response';
import { clientAddress } from '@/src/server/auth/sign-in-limits';
import { handle } from '@/src/server/handle';
import { parseBody } from '@/src/server/parse-body';
import { readJsonBody } from '@/src/server/read-json-body';

const setupDone = () => new ApiError(409, 'setup_done', 'The admin account exists already; sign in instead.');

/**
 * First run only: creates the admin account and signs it in, given the one-time setup code the
 * server printed at start (so whoever reaches the port first cannot claim it); 403
 * `setup_code_invalid` for a wrong code, 409 `setup_done` once any user exists.
 */
export const POST = handle(async (request) => {
  if (!sameOrigin(request)) throw new ApiError(403, 'csrf_failed', 'Set up Parley from Parley itself.');
  if ((await users.count()) > 0) throw setupDone();
  const { email, password, setupCode } = parseBody(setupBody, await readJsonBody(request));
  await takeOrRefuse(
    `setup:address:${clientAddress(request)}`,
    { limit: 10, windowMs: 10 * 60_000 },
    'Too many setup attempts; wait a few minutes.',
  );
  if (!(await setupCodes.matches(setupCode))) {
    throw new ApiError(
      403,
      'setup_code_invalid',
      'Wrong setup code: copy it from the console where Parley was started (the line "Parley setup code: …").',
    );
  }
  try {
    const user = await users.createFirstAdmin({ email, passwordHash: await hashPassword(password) });
    await setupCodes.clear();
    return await sessionResponse(user, request, 201);
  } catch (error) {
    if (error instanceof UserExistsError) throw setupDone();
    throw error;
  }
});
