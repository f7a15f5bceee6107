import { authed } from '@/src/server/auth/api-auth';
import { flowWithIssues } from '@/src/server/flow-with-issues';
import { parseFlowSpec } from '@/src/server/parse-flow-spec';
import { readJsonBody } from '@/src/server/read-json-body';
import { reply } from '@/src/server/reply';
import { flowWithIssuesResponse } from '@/src/server/response-schemas';

/** Creates a new flow from an exported FlowSpec document. */
export const POST = authed(async (request, _context, { repos }) => {
  const { spec } = parseFlowSpec(await readJsonBody(request));
  return reply(flowWithIssuesResponse, flowWithIssues(await repos.flows.create(spec)), { status: 201 });
});
