import { versions } from '@parley/db';
import { handle } from '@/src/server/handle';
import { parseBody } from '@/src/server/parse-body';
import { readJsonBody } from '@/src/server/read-json-body';
import { rollbackBody } from '@/src/server/request-schemas';
import type { FlowRouteContext } from '@/src/server/route-context';

/** Makes an earlier published version live again and returns it; the draft is left alone. */
export const POST = handle(async (request, { params }: FlowRouteContext) => {
  const { id } = await params;
  const { number } = parseBody(rollbackBody, await readJsonBody(request));
  await versions.rollback(id, number);
  return Response.json({ version: await versions.get(id, number) });
});
