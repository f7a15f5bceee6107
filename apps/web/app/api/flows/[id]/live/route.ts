import { ApiError } from '@/src/server/api-error';
import { authed } from '@/src/server/auth/api-auth';
import { reply } from '@/src/server/reply';
import { versionDetailResponse } from '@/src/server/response-schemas';
import type { FlowRouteContext } from '@/src/server/route-context';

/** The version production calls run: the live one; 404 `not_published` when there is none yet. */
export const GET = authed(async (_request, { params }: FlowRouteContext, { repos }) => {
  const { id } = await params;
  // Read the flow first so "no such flow" (not_found) and "never published" stay distinct answers.
  const flow = await repos.flows.get(id);
  if (!flow.liveVersionId) {
    throw new ApiError(
      404,
      'not_published',
      `Flow "${flow.name}" has never been published, so it has no live version. Publish it first.`,
    );
  }
  return reply(versionDetailResponse, { version: await repos.versions.getById(flow.liveVersionId) });
});
