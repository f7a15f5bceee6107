import { audit } from '@parley/db';
import { authed } from '@/src/server/auth/api-auth';

/** The workspace's audit log, newest first. */
export const GET = authed(async (_request, _context, { session }) =>
  Response.json({ entries: await audit.list(session.workspace.id) }),
);
