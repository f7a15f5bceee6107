import { flowWebhooks } from '@parley/db';
import { authed } from '@/src/server/auth/api-auth';
import { reply } from '@/src/server/reply';
import type { FlowRouteContext } from '@/src/server/route-context';
import { webhookSecretResponse } from '@/src/server/webhook-schemas';

/** The webhook's signing secret, for members of the flow's workspace to configure their receiver. */
export const GET = authed(async (_request, { params }: FlowRouteContext, { session }) => {
  const { id } = await params;
  const secret = await flowWebhooks.reveal(session.workspace.id, id);
  return reply(webhookSecretResponse, { secret }, { headers: { 'cache-control': 'no-store' } });
});
