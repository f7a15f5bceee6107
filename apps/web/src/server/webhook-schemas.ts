import { z } from 'zod';

// Post-call webhook routes: what they take and what they answer (sent with reply(), so only the
// fields listed leave; the signing secret leaves only through webhookSecretResponse).

/** A timestamp: a Date on the server, its ISO string on the wire. */
const timestamp = z.date().transform((date) => date.toISOString());

/** PUT /api/flows/:id/webhook. */
export const setWebhookBody = z.object({ url: z.string({ error: 'url must be a string' }) }).strict();

/** A flow's webhook, without its secret. */
const flowWebhook = z.object({ url: z.string(), createdAt: timestamp, updatedAt: timestamp });

/** GET and PUT /api/flows/:id/webhook: the webhook, or null when the flow has none. */
export const flowWebhookResponse = z.object({ webhook: flowWebhook.nullable() });

/** GET /api/flows/:id/webhook/secret and POST .../webhook/rotate: the signing secret, to members only. */
export const webhookSecretResponse = z.object({ secret: z.string() });

const deliveryAttempt = z.object({
  at: z.string(),
  responseStatus: z.number().int().optional(),
  error: z.string().optional(),
  ms: z.number(),
});

/** GET /api/calls/:id/webhooks: the call's deliveries, oldest first. */
export const callWebhooksResponse = z.object({
  deliveries: z.array(
    z.object({
      id: z.string(),
      url: z.string(),
      status: z.enum(['pending', 'delivered', 'failed']),
      attempts: z.number().int(),
      responseStatus: z.number().int().nullable(),
      lastError: z.string().nullable(),
      nextAttemptAt: timestamp.nullable(),
      log: z.array(deliveryAttempt),
      createdAt: timestamp,
    }),
  ),
});
