import { authed } from '@/src/server/auth/api-auth';
import { reply } from '@/src/server/reply';
import { versionDetailResponse } from '@/src/server/response-schemas';
import type { VersionRouteContext } from '@/src/server/route-context';
import { parseVersionNumber } from '@/src/server/version-number';

/** One version with its spec. */
export const GET = authed(async (_request, { params }: VersionRouteContext, { repos }) => {
  const { id, number } = await params;
  return reply(versionDetailResponse, { version: await repos.versions.get(id, parseVersionNumber(number)) });
});
