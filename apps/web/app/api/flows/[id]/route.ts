import { audit } from '@parley/db';
import { authed } from '@/src/server/auth/api-auth';
import { flowWithIssues } from '@/src/server/flow-with-issues';
import { parseBody } from '@/src/server/parse-body';
import { parseFlowSpec } from '@/src/server/parse-flow-spec';
import { readJsonBody } from '@/src/server/read-json-body';
import { reply } from '@/src/server/reply';
import { saveDraftBody } from '@/src/server/request-schemas';
import { flowWithIssuesResponse } from '@/src/server/response-schemas';
import type { FlowRouteContext } from '@/src/server/route-context';

/** The flow's draft and the validation issues of that draft. */
export const GET = authed(async (_request, { params }: FlowRouteContext, { repos }) => {
  const { id } = await params;
  return reply(flowWithIssuesResponse, flowWithIssues(await repos.flows.get(id)));
});

/** Saves the draft if `revision` is still current (409 otherwise); semantic errors do not block a save. */
export const PUT = authed(async (request, { params }: FlowRouteContext, { repos }) => {
  const { id } = await params;
  const body = parseBody(saveDraftBody, await readJsonBody(request));
  const { spec } = parseFlowSpec(body.spec);
  return reply(flowWithIssuesResponse, flowWithIssues(await repos.flows.updateDraft(id, spec, body.revision)));
});

/** Deletes the flow with its versions. */
export const DELETE = authed(async (_request, { params }: FlowRouteContext, { repos, session }) => {
  const { id } = await params;
  const { name } = await repos.flows.get(id);
  await repos.flows.remove(id);
  await audit.record({
    workspaceId: session.workspace.id,
    userId: session.user.id,
    action: 'delete',
    flowId: id,
    details: { name },
  });
  return new Response(null, { status: 204 });
});
