import { authed } from '@/src/server/auth/api-auth';
import { callListQuery } from '@/src/server/call-list-query';
import { callView } from '@/src/server/calls-view';
import { parseQuery } from '@/src/server/parse-query';
import { reply } from '@/src/server/reply';
import { callPageResponse } from '@/src/server/response-schemas';

/** The workspace's calls, newest first, filtered and a page at a time (`nextCursor` continues). */
export const GET = authed(async (request, _context, { repos }) => {
  const { cursor, limit, ...filter } = parseQuery(callListQuery, request.url);
  const page = await repos.calls.list(filter, { cursor, limit });
  return reply(callPageResponse, {
    calls: page.calls.map((call) => ({ ...callView(call), flowName: call.flowName })),
    nextCursor: page.nextCursor,
  });
});
