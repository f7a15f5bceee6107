import { versions } from '@parley/db';
import { handle } from '@/src/server/handle';
import type { FlowRouteContext } from '@/src/server/route-context';

/** The flow's versions (published and snapshots), without their specs. */
export const GET = handle(async (_request, { params }: FlowRouteContext) => {
  const { id } = await params;
  return Response.json({ versions: await versions.list(id) });
});
