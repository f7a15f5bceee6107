import { DELIVERY_HEADER, SIGNATURE_HEADER, signWebhookBody } from '@parley/calls';
import type { DeliveryAttempt } from '@parley/db';
import { guardedRequest } from '@parley/engine/guarded-request';
import { WebhookAllowList } from '@parley/engine/webhooks';

/** One POST of a delivery's body. */
export interface DeliveryRequest {
  deliveryId: string;
  url: string;
  body: string;
  secret: string;
  /** The workspace's allow-list entries: the non-public hosts it lets webhooks reach. */
  allowList: readonly string[];
  timeoutMs: number;
}

/** The attempt as logged, and whether the receiver took it (answered 2xx). */
export interface AttemptResult {
  attempt: DeliveryAttempt;
  delivered: boolean;
}

const SUBJECT = 'post-call webhook';

/**
 * POSTs the signed body through the same address guard as webhook tools (no private, loopback
 * or metadata address unless the workspace allow-listed it; the connection pinned to the checked
 * addresses). Redirects are not followed: a receiver answers where it was configured. Never throws.
 */
export async function sendDelivery(request: DeliveryRequest): Promise<AttemptResult> {
  const started = Date.now();
  const done = (fields: { responseStatus?: number; error?: string }, delivered = false): AttemptResult => ({
    attempt: { at: new Date(started).toISOString(), ...fields, ms: Date.now() - started },
    delivered,
  });
  const timestamp = Math.floor(started / 1000);
  const headers = {
    'content-type': 'application/json',
    'user-agent': 'Parley-Webhooks/1',
    [SIGNATURE_HEADER.toLowerCase()]: signWebhookBody(request.body, request.secret, timestamp),
    [DELIVERY_HEADER.toLowerCase()]: request.deliveryId,
  };
  const timeout = AbortSignal.timeout(request.timeoutMs);
  try {
    const answer = await guardedRequest(
      SUBJECT,
      { url: new URL(request.url), method: 'POST', headers, body: request.body },
      { allowList: new WebhookAllowList(request.allowList), maxRedirects: 0 },
      timeout,
    );
    if (!answer.ok) return done({ error: answer.reason });
    if (answer.status >= 200 && answer.status <= 299) return done({ responseStatus: answer.status }, true);
    return done({ responseStatus: answer.status, error: `the receiver answered HTTP ${answer.status}` });
  } catch (error) {
    if (timeout.aborted) return done({ error: `timed out after ${request.timeoutMs} ms` });
    return done({ error: `request failed: ${error instanceof Error ? error.message : String(error)}` });
  }
}
