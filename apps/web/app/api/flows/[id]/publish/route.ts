import { audit } from '@parley/db';
import { authed } from '@/src/server/auth/api-auth';
import { parseBody } from '@/src/server/parse-body';
import { assertTestPolicy } from '@/src/server/publish-test-policy';
import { readJsonBody } from '@/src/server/read-json-body';
import { reply } from '@/src/server/reply';
import { publishBody } from '@/src/server/request-schemas';
import { versionSummaryResponse } from '@/src/server/response-schemas';
import type { FlowRouteContext } from '@/src/server/route-context';

/**
 * Publishes the draft as a new immutable version and makes it live; 422 with issues if it has
 * errors, 409 tests_required when the flow requires a pass rate its latest test run misses.
 */
export const POST = authed(async (request, { params }: FlowRouteContext, { repos, session }) => {
  const { id } = await params;
  const { note } = parseBody(publishBody, await readJsonBody(request, { emptyAs: {} }));
  await assertTestPolicy(id, (await repos.flows.get(id)).draft);
  const version = await repos.versions.publish(id, note);
  await audit.record({
    workspaceId: session.workspace.id,
    userId: session.user.id,
    action: 'publish',
    flowId: id,
    versionId: version.id,
    details: { number: version.number, note },
  });
  return reply(versionSummaryResponse, { version }, { status: 201 });
});
