import { secrets } from '@parley/db';
import { authed } from '@/src/server/auth/api-auth';

/** The workspace's secret names and when each was set; values are never returned. */
export const GET = authed(async (_request, _context, { session }) =>
  Response.json({ secrets: await secrets.listNames(session.workspace.id) }),
);
