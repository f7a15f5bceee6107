import { versions } from '@parley/db';
import { flowWithIssues } from '@/src/server/flow-with-issues';
import { handle } from '@/src/server/handle';
import { parseBody } from '@/src/server/parse-body';
import { readJsonBody } from '@/src/server/read-json-body';
import { restoreBody } from '@/src/server/request-schemas';
import type { FlowRouteContext } from '@/src/server/route-context';

/** Copies a version's spec into the draft, if `revision` is still current (409 otherwise). */
export const POST = handle(async (request, { params }: FlowRouteContext) => {
  const { id } = await params;
  const { number, revision } = parseBody(restoreBody, await readJsonBody(request));
  return Response.json(flowWithIssues(await versions.restore(id, number, revision)));
});
