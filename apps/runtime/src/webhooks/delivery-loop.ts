import {
  type AttemptOutcome,
  allowlist,
  type ClaimedDelivery,
  callEvents,
  calls,
  flowWebhooks,
  webhookDeliveries,
} from '@parley/db';
import type { Logger } from '../log';
import { callEndedPayload } from './call-ended-payload';
import { type AttemptResult, sendDelivery } from './send-delivery';

/** How post-call webhooks are sent and retried (runtime config). */
export interface DeliveryLoopOptions {
  /** Wait before the second attempt; each later wait doubles it. */
  retryBaseMs: number;
  /** Attempts in all before a delivery is failed. */
  maxAttempts: number;
  /** How long one POST may take. */
  timeoutMs: number;
  /** How often the database is asked for due deliveries (queued here, they go at once). */
  pollMs: number;
  /** Deliveries claimed and sent at once, at most. */
  batch: number;
}

/** An attempt's result; `final` when retrying cannot help (the webhook is gone). */
type Sent = AttemptResult & { final?: boolean };

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Sends post-call webhooks. Calls that are over get a delivery queued in Postgres; every runtime
 * polls for due ones and claims them (SKIP LOCKED), so any runtime may send any call's delivery,
 * including one a stopped runtime left. It runs beside the calls, never in their way: a slow or
 * failing receiver costs this loop a timeout, and a call's end never waits for it.
 */
export class DeliveryLoop {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  /** Queueing writes under way (a drain waits for them before the database closes). */
  private readonly queueing = new Set<Promise<void>>();

  constructor(
    private readonly options: DeliveryLoopOptions,
    private readonly log: Logger,
  ) {}

  /** Polls every pollMs from now on. */
  start(): void {
    this.timer = setInterval(() => this.nudge(), this.options.pollMs);
    this.timer.unref();
    this.nudge();
  }

  /** Queues deliveries for these calls that are over (those whose flow has a webhook), then sends them. */
  callsOver(callIds: string[]): void {
    if (callIds.length === 0 || this.stopped) return;
    const queued = webhookDeliveries
      .enqueueForCalls(callIds)
      .then((queued) => {
        if (queued.length > 0) this.nudge();
      })
      .catch((error: unknown) =>
        // The call's record stands; only its webhook is lost, and said so.
        this.log.error('post-call webhook could not be queued', { calls: callIds, error: describe(error) }),
      );
    this.queueing.add(queued);
    void queued.finally(() => this.queueing.delete(queued));
  }

  /** Sends what is due now (once the round in progress, if any, is over). */
  nudge(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.round().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        this.nudge();
      }
    });
  }

  /** Stops polling and waits for the queueing and attempts under way (each attempt ends by its timeout). */
  async stop(): Promise<void> {
    await Promise.all(this.queueing);
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  private async round(): Promise<void> {
    try {
      for (;;) {
        // Held past the attempt's timeout, so a runtime that dies mid-attempt leaves it to others.
        const due = await webhookDeliveries.claimDue(this.options.batch, this.options.timeoutMs * 2 + 5000);
        if (due.length === 0) return;
        await Promise.all(due.map((delivery) => this.attempt(delivery)));
        if (this.stopped) return;
      }
    } catch (error) {
      this.log.warn('post-call webhooks could not be claimed', { error: describe(error) });
    }
  }

  private async attempt(delivery: ClaimedDelivery): Promise<void> {
    const log = this.log.child({ deliveryId: delivery.id, callId: delivery.callId });
    let result: Sent;
    try {
      result = await this.send(delivery);
    } catch (error) {
      result = {
        attempt: { at: new Date().toISOString(), error: `not sent: ${describe(error)}`, ms: 0 },
        delivered: false,
      };
    }
    const outcome = this.outcome(delivery, result);
    try {
      await webhookDeliveries.recordAttempt(delivery.id, result.attempt, outcome);
    } catch (error) {
      log.warn('post-call webhook attempt could not be recorded', { error: describe(error) });
      return;
    }
    const fields = { attempt: delivery.attempts + 1, responseStatus: result.attempt.responseStatus };
    if (outcome.status === 'delivered') log.info('post-call webhook delivered', fields);
    else if (outcome.status === 'failed')
      log.warn('post-call webhook failed; no more attempts', { ...fields, error: result.attempt.error });
    else log.info('post-call webhook attempt failed; will retry', { ...fields, error: result.attempt.error });
  }

  /** One attempt: the body from the call's record and events, signed with the flow's current secret. */
  private async send(delivery: ClaimedDelivery): Promise<Sent> {
    const secret = await flowWebhooks.signingSecret(delivery.workspaceId, delivery.flowId);
    if (secret === null) {
      return {
        attempt: { at: new Date().toISOString(), error: "the flow's webhook was removed before delivery", ms: 0 },
        delivered: false,
        final: true,
      };
    }
    const [call, events, entries] = await Promise.all([
      calls.get(delivery.callId),
      callEvents.list(delivery.callId),
      allowlist.entries(delivery.workspaceId),
    ]);
    const body = JSON.stringify(callEndedPayload(delivery, call, events));
    return sendDelivery({
      deliveryId: delivery.id,
      url: delivery.url,
      body,
      secret,
      allowList: entries,
      timeoutMs: this.options.timeoutMs,
    });
  }

  /** Delivered, retried after retryBase x 2^(attempts - 1), or failed once maxAttempts are spent. */
  private outcome(delivery: ClaimedDelivery, result: Sent): AttemptOutcome {
    if (result.delivered) return { status: 'delivered' };
    const attempts = delivery.attempts + 1;
    if (result.final || attempts >= this.options.maxAttempts) return { status: 'failed' };
    const wait = this.options.retryBaseMs * 2 ** (attempts - 1);
    return { status: 'pending', retryAt: new Date(Date.now() + wait) };
  }
}
