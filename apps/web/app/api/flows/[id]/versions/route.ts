import { authed } from '@/src/server/auth/api-auth';
import { reply } from '@/src/server/reply';
import { versionListResponse } from '@/src/server/response-schemas';
import type { FlowRouteContext } from '@/src/server/route-context';

/** The flow's versions (published and snapshots), without their specs. */
export const GET = authed(async (_request, { params }: FlowRouteContext, { repos }) => {
  const { id } = await params;
  return reply(versionListResponse, { versions: await repos.versions.list(id) });
});
