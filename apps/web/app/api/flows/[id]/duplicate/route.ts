import { authed } from '@/src/server/auth/api-auth';
import { flowWithIssues } from '@/src/server/flow-with-issues';
import { parseBody } from '@/src/server/parse-body';
import { readJsonBody } from '@/src/server/read-json-body';
import { reply } from '@/src/server/reply';
import { duplicateBody } from '@/src/server/request-schemas';
import { flowWithIssuesResponse } from '@/src/server/response-schemas';
import type { FlowRouteContext } from '@/src/server/route-context';

/** Copies the flow's draft into a new flow (no versions), optionally under a new name. */
export const POST = authed(async (request, { params }: FlowRouteContext, { repos }) => {
  const { id } = await params;
  const { name } = parseBody(duplicateBody, await readJsonBody(request, { emptyAs: {} }));
  return reply(flowWithIssuesResponse, flowWithIssues(await repos.flows.duplicate(id, name)), { status: 201 });
});
