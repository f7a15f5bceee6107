import { recordings } from '@parley/db';
import { authed } from '@/src/server/auth/api-auth';
import { parseBody } from '@/src/server/parse-body';
import { readJsonBody } from '@/src/server/read-json-body';
import { reply } from '@/src/server/reply';
import { recordingRetentionBody } from '@/src/server/request-schemas';
import { recordingRetentionResponse } from '@/src/server/response-schemas';

/** How many days the workspace keeps call recordings. */
export const GET = authed(async (_request, _context, { session }) =>
  reply(recordingRetentionResponse, { retentionDays: await recordings.retentionDays(session.workspace.id) }),
);

/** Sets how many days recordings are kept (1..3650); the runtime's sweep deletes older ones. Admins only. */
export const PUT = authed(
  async (request, _context, { session }) => {
    const { retentionDays } = parseBody(recordingRetentionBody, await readJsonBody(request));
    await recordings.setRetentionDays(session.workspace.id, retentionDays);
    return reply(recordingRetentionResponse, { retentionDays });
  },
  { adminOnly: true },
);
