import { audit, flowWebhooks } from '@parley/db';
import { authed } from '@/src/server/auth/api-auth';
import { reply } from '@/src/server/reply';
import type { FlowRouteContext } from '@/src/server/route-context';
import { webhookSecretResponse } from '@/src/server/webhook-schemas';

/** Replaces the signing secret: deliveries from now on are signed with the new one, which is returned. */
export const POST = authed(async (_request, { params }: FlowRouteContext, { session }) => {
  const { id } = await params;
  const secret = await flowWebhooks.rotate(session.workspace.id, id);
  await audit.record({
    workspaceId: session.workspace.id,
    userId: session.user.id,
    action: 'flow_webhook_set',
    flowId: id,
    details: { rotated: true },
  });
  return reply(webhookSecretResponse, { secret }, { headers: { 'cache-control': 'no-store' } });
});
