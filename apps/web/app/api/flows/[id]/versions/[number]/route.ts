import { versions } from '@parley/db';
import { handle } from '@/src/server/handle';
import type { VersionRouteContext } from '@/src/server/route-context';
import { parseVersionNumber } from '@/src/server/version-number';

/** One version with its spec. */
export const GET = handle(async (_request, { params }: VersionRouteContext) => {
  const { id, number } = await params;
  return Response.json({ version: await versions.get(id, parseVersionNumber(number)) });
});
