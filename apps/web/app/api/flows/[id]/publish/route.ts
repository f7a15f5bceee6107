import { versions } from '@parley/db';
import { handle } from '@/src/server/handle';
import { parseBody } from '@/src/server/parse-body';
import { readJsonBody } from '@/src/server/read-json-body';
import { publishBody } from '@/src/server/request-schemas';
import type { FlowRouteContext } from '@/src/server/route-context';

/** Publishes the draft as a new immutable version and makes it live; 422 with issues if it has errors. */
export const POST = handle(async (request, { params }: FlowRouteContext) => {
  const { id } = await params;
  const { note } = parseBody(publishBody, await readJsonBody(request, { emptyAs: {} }));
  return Response.json({ version: await versions.publish(id, note) }, { status: 201 });
});
