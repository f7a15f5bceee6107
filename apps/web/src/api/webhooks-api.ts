import type { z } from 'zod';
import type {
  callWebhooksResponse,
  flowWebhookResponse,
  setWebhookBody,
  webhookSecretResponse,
} from '../server/webhook-schemas';
import { request } from './request';

/** GET/PUT /api/flows/:id/webhook. */
export type FlowWebhookReply = z.output<typeof flowWebhookResponse>;
/** The signing secret, revealed or rotated. */
export type WebhookSecretReply = z.output<typeof webhookSecretResponse>;
/** GET /api/calls/:id/webhooks. */
export type CallWebhooksReply = z.output<typeof callWebhooksResponse>;
/** One post-call webhook delivery with its attempts. */
export type WebhookDelivery = CallWebhooksReply['deliveries'][number];

const webhookUrl = (flowId: string) => `/api/flows/${encodeURIComponent(flowId)}/webhook`;

/** Typed calls to the post-call webhook API; like flowsApi, they never throw. */
export const webhooksApi = {
  get: (flowId: string) => request<FlowWebhookReply>('GET', webhookUrl(flowId)),
  set: (flowId: string, body: z.input<typeof setWebhookBody>) =>
    request<FlowWebhookReply>('PUT', webhookUrl(flowId), body),
  remove: (flowId: string) => request<undefined>('DELETE', webhookUrl(flowId)),
  revealSecret: (flowId: string) => request<WebhookSecretReply>('GET', `${webhookUrl(flowId)}/secret`),
  rotateSecret: (flowId: string) => request<WebhookSecretReply>('POST', `${webhookUrl(flowId)}/rotate`),
  deliveries: (callId: string) =>
    request<CallWebhooksReply>('GET', `/api/calls/${encodeURIComponent(callId)}/webhooks`),
};
