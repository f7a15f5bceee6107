import { audit, slugs } from '@parley/db';
import { authed } from '@/src/server/auth/api-auth';
import { parseBody } from '@/src/server/parse-body';
import { readJsonBody } from '@/src/server/read-json-body';
import { reply } from '@/src/server/reply';
import { slugBody } from '@/src/server/request-schemas';
import { flowSlugResponse } from '@/src/server/response-schemas';
import type { FlowRouteContext } from '@/src/server/route-context';
import { storeSlug } from '@/src/server/store-slug';

/** The flow's slug and its workspace's: together what a caller's dispatch metadata names. */
export const GET = authed(async (_request, { params }: FlowRouteContext, { repos, session }) => {
  const { id } = await params;
  const flow = await repos.flows.get(id);
  return reply(flowSlugResponse, { slug: flow.slug, workspaceSlug: await slugs.ofWorkspace(session.workspace.id) });
});

/** Sets (or with null clears) the flow's slug; 422 `slug_invalid`, 409 `slug_taken` in the workspace. */
export const PUT = authed(async (request, { params }: FlowRouteContext, { repos, session }) => {
  const { id } = await params;
  const { slug } = parseBody(slugBody, await readJsonBody(request));
  await repos.flows.get(id);
  await storeSlug(slug, (value) => slugs.setFlowSlug(id, value));
  await audit.record({
    workspaceId: session.workspace.id,
    userId: session.user.id,
    action: 'flow_slug_set',
    flowId: id,
    ...(slug !== null && { target: slug }),
  });
  return reply(flowSlugResponse, { slug, workspaceSlug: await slugs.ofWorkspace(session.workspace.id) });
});
