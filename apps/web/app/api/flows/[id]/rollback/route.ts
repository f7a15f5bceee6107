import { audit } from '@parley/db';
import { authed } from '@/src/server/auth/api-auth';
import { parseBody } from '@/src/server/parse-body';
import { readJsonBody } from '@/src/server/read-json-body';
import { reply } from '@/src/server/reply';
import { rollbackBody } from '@/src/server/request-schemas';
import { versionSummaryResponse } from '@/src/server/response-schemas';
import type { FlowRouteContext } from '@/src/server/route-context';

/** Makes an earlier published version live again and returns it; the draft is left alone. */
export const POST = authed(async (request, { params }: FlowRouteContext, { repos, session }) => {
  const { id } = await params;
  const { number } = parseBody(rollbackBody, await readJsonBody(request));
  await repos.versions.rollback(id, number);
  const version = await repos.versions.get(id, number);
  await audit.record({
    workspaceId: session.workspace.id,
    userId: session.user.id,
    action: 'rollback',
    flowId: id,
    versionId: version.id,
    details: { number },
  });
  return reply(versionSummaryResponse, { version });
});
