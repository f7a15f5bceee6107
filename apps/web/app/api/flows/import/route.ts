import { flows } from '@parley/db';
import { flowWithIssues } from '@/src/server/flow-with-issues';
import { handle } from '@/src/server/handle';
import { parseFlowSpec } from '@/src/server/parse-flow-spec';
import { readJsonBody } from '@/src/server/read-json-body';

/** Creates a new flow from an exported FlowSpec document. */
export const POST = handle(async (request) => {
  const { spec } = parseFlowSpec(await readJsonBody(request));
  return Response.json(flowWithIssues(await flows.create(spec)), { status: 201 });
});
