import { flows } from '@parley/db';
import { flowWithIssues } from '@/src/server/flow-with-issues';
import { handle } from '@/src/server/handle';
import { parseBody } from '@/src/server/parse-body';
import { parseFlowSpec } from '@/src/server/parse-flow-spec';
import { readJsonBody } from '@/src/server/read-json-body';
import { saveDraftBody } from '@/src/server/request-schemas';
import type { FlowRouteContext } from '@/src/server/route-context';

/** The flow's draft and the validation issues of that draft. */
export const GET = handle(async (_request, { params }: FlowRouteContext) => {
  const { id } = await params;
  return Response.json(flowWithIssues(await flows.get(id)));
});

/** Saves the draft if `revision` is still current (409 otherwise); semantic errors do not block a save. */
export const PUT = handle(async (request, { params }: FlowRouteContext) => {
  const { id } = await params;
  const body = parseBody(saveDraftBody, await readJsonBody(request));
  const { spec } = parseFlowSpec(body.spec);
  return Response.json(flowWithIssues(await flows.updateDraft(id, spec, body.revision)));
});

/** Deletes the flow with its versions. */
export const DELETE = handle(async (_request, { params }: FlowRouteContext) => {
  const { id } = await params;
  await flows.remove(id);
  return new Response(null, { status: 204 });
});
