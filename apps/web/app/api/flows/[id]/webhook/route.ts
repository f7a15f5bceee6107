import { audit, flowWebhooks, webhookUrlProblem } from '@parley/db';
import { ApiError } from '@/src/server/api-error';
import { authed } from '@/src/server/auth/api-auth';
import { parseBody } from '@/src/server/parse-body';
import { readJsonBody } from '@/src/server/read-json-body';
import { reply } from '@/src/server/reply';
import type { FlowRouteContext } from '@/src/server/route-context';
import { flowWebhookResponse, setWebhookBody } from '@/src/server/webhook-schemas';

/** The flow's post-call webhook (URL and dates), or null; never its secret. */
export const GET = authed(async (_request, { params }: FlowRouteContext, { session }) => {
  const { id } = await params;
  return reply(flowWebhookResponse, { webhook: await flowWebhooks.get(session.workspace.id, id) });
});

/** Sets the webhook's URL; a new webhook gets a signing secret (reveal it with GET .../webhook/secret). */
export const PUT = authed(async (request, { params }: FlowRouteContext, { session }) => {
  const { id } = await params;
  const { url } = parseBody(setWebhookBody, await readJsonBody(request));
  const problem = webhookUrlProblem(url);
  if (problem) {
    throw new ApiError(422, 'invalid_request', `The webhook URL ${problem}.`, {
      issues: [{ path: 'url', message: `The webhook URL ${problem}.` }],
    });
  }
  const { webhook, created } = await flowWebhooks.set(session.workspace.id, id, url);
  await audit.record({
    workspaceId: session.workspace.id,
    userId: session.user.id,
    action: 'flow_webhook_set',
    flowId: id,
    details: { url, created },
  });
  return reply(flowWebhookResponse, { webhook });
});

/** Removes the webhook; calls ending from now on send nothing (deliveries already queued still go). */
export const DELETE = authed(async (_request, { params }: FlowRouteContext, { session }) => {
  const { id } = await params;
  await flowWebhooks.remove(session.workspace.id, id);
  await audit.record({
    workspaceId: session.workspace.id,
    userId: session.user.id,
    action: 'flow_webhook_delete',
    flowId: id,
  });
  return new Response(null, { status: 204 });
});
