import { authed } from '@/src/server/auth/api-auth';

/** Who is signed in, in which workspace, and the CSRF token their page sends back. */
export const GET = authed(async (_request, _context, { session }) =>
  Response.json(
    { user: session.user, workspace: session.workspace, csrfToken: session.csrfToken },
    { headers: { 'cache-control': 'no-store' } },
  ),
);
