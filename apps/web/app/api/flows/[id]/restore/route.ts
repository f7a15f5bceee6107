import { audit } from '@parley/db';
import { authed } from '@/src/server/auth/api-auth';
import { flowWithIssues } from '@/src/server/flow-with-issues';
import { parseBody } from '@/src/server/parse-body';
import { readJsonBody } from '@/src/server/read-json-body';
import { reply } from '@/src/server/reply';
import { restoreBody } from '@/src/server/request-schemas';
import { flowWithIssuesResponse } from '@/src/server/response-schemas';
import type { FlowRouteContext } from '@/src/server/route-context';

/** Copies a version's spec into the draft, if `revision` is still current (409 otherwise). */
export const POST = authed(async (request, { params }: FlowRouteContext, { repos, session }) => {
  const { id } = await params;
  const { number, revision } = parseBody(restoreBody, await readJsonBody(request));
  const flow = await repos.versions.restore(id, number, revision);
  await audit.record({
    workspaceId: session.workspace.id,
    userId: session.user.id,
    action: 'restore',
    flowId: id,
    details: { number },
  });
  return reply(flowWithIssuesResponse, flowWithIssues(flow));
});
