import { webhookDeliveries } from '@parley/db';
import { authed } from '@/src/server/auth/api-auth';
import { reply } from '@/src/server/reply';
import { callWebhooksResponse } from '@/src/server/webhook-schemas';

/** The context Next passes to handlers under /api/calls/[id]. */
interface CallRouteContext {
  params: Promise<{ id: string }>;
}

/** The call's post-call webhook deliveries with every attempt (status, answer, error, time). */
export const GET = authed(async (_request, { params }: CallRouteContext, { session }) => {
  const { id } = await params;
  return reply(callWebhooksResponse, { deliveries: await webhookDeliveries.listForCall(session.workspace.id, id) });
});
