import { UserExistsError, users } from '@parley/db';
import { ApiError } from '@/src/server/api-error';
import { newAccountBody } from '@/src/server/auth/credentials-body';
import { sameOrigin } from '@/src/server/auth/csrf';
import { hashPassword } from '@/src/server/auth/password';
import { sessionResponse } from '@/src/server/auth/session-response';
import { handle } from '@/src/server/handle';
import { parseBody } from '@/src/server/parse-body';
import { readJsonBody } from '@/src/server/read-json-body';

const setupDone = () => new ApiError(409, 'setup_done', 'The admin account exists already; sign in instead.');

/** First run only: creates the admin account and signs it in; 409 `setup_done` once any user exists. */
export const POST = handle(async (request) => {
  if (!sameOrigin(request)) throw new ApiError(403, 'csrf_failed', 'Set up Parley from Parley itself.');
  if ((await users.count()) > 0) throw setupDone();
  const { email, password } = parseBody(newAccountBody, await readJsonBody(request));
  try {
    const user = await users.createFirstAdmin({ email, passwordHash: await hashPassword(password) });
    return await sessionResponse(user, request, 201);
  } catch (error) {
    if (error instanceof UserExistsError) throw setupDone();
    throw error;
  }
});
