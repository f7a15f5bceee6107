import { UserExistsError, users } from '@parley/db';
import { ApiError } from '@/src/server/api-error';
import { authed } from '@/src/server/auth/api-auth';
import { hashPassword } from '@/src/server/auth/password';
import { newUserBody } from '@/src/server/auth/settings-bodies';
import { parseBody } from '@/src/server/parse-body';
import { readJsonBody } from '@/src/server/read-json-body';

/** Creates an account, in this workspace or in a new one of its own (where it is admin). Admins only. */
export const POST = authed(
  async (request, _context, { session }) => {
    const body = parseBody(newUserBody, await readJsonBody(request));
    const own = body.workspace === 'new';
    try {
      const user = await users.create({
        email: body.email,
        passwordHash: await hashPassword(body.password),
        role: own ? 'admin' : body.role,
        workspace: own ? { newName: `${body.email}'s workspace` } : { id: session.workspace.id },
      });
      return Response.json({ user: { id: user.id, email: user.email } }, { status: 201 });
    } catch (error) {
      if (error instanceof UserExistsError)
        throw new ApiError(409, 'email_taken', 'An account with this email exists.');
      throw error;
    }
  },
  { adminOnly: true },
);
