import { getDb } from './client';
import { NotFoundError } from './errors';
import type { WebhookDeliveryStatus } from './generated/client';
import { isUuid } from './ids';

/** One attempt at a delivery, as kept in its log. */
export interface DeliveryAttempt {
  /** When the attempt started (ISO time). */
  at: string;
  /** The receiver's HTTP status, when it answered. */
  responseStatus?: number;
  /** Why the attempt failed, when it did (guard refusal, timeout, non-2xx answer). */
  error?: string;
  /** How long the attempt took. */
  ms: number;
}

/** A post-call webhook delivery as stored. */
export interface DeliveryRecord {
  id: string;
  callId: string;
  url: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  responseStatus: number | null;
  lastError: string | null;
  nextAttemptAt: Date | null;
  log: DeliveryAttempt[];
  createdAt: Date;
  updatedAt: Date;
}

/** A delivery claimed for an attempt, with what signing it needs. */
export interface ClaimedDelivery extends DeliveryRecord {
  workspaceId: string;
  flowId: string;
}

/** What came of an attempt: delivered, to be retried at a time, or given up. */
export type AttemptOutcome = { status: 'delivered' } | { status: 'pending'; retryAt: Date } | { status: 'failed' };

type DeliveryRow = Omit<DeliveryRecord, 'log'> & { log: unknown };

function toRecord(row: DeliveryRow): DeliveryRecord {
  return { ...row, log: row.log as DeliveryAttempt[] };
}

/**
 * Post-call webhook deliveries: one per call whose flow had a webhook when the call was over,
 * carrying the URL of that moment. Runtimes claim due ones with `FOR UPDATE SKIP LOCKED`, so
 * several of them share the work without sending one twice at once.
 */
export const webhookDeliveries = {
  /**
   * Queues a delivery for each of the calls that is over (ended or failed), whose flow has a
   * webhook and that has none yet; returns the new deliveries' ids.
   */
  async enqueueForCalls(callIds: string[]): Promise<string[]> {
    const ids = callIds.filter(isUuid);
    if (ids.length === 0) return [];
    const rows = await getDb().$queryRaw<{ id: string }[]>`
      INSERT INTO webhook_deliveries (id, call_id, url, status, attempts, next_attempt_at, log, created_at, updated_at)
      SELECT gen_random_uuid(), c.id, w.url, 'pending', 0, now(), '[]'::jsonb, now(), now()
      FROM calls c
      JOIN flow_versions v ON v.id = c.flow_version_id
      JOIN flow_webhooks w ON w.flow_id = v.flow_id
      WHERE c.id = ANY(${ids}::uuid[]) AND c.status IN ('ended', 'failed')
        AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.call_id = c.id)
      RETURNING id::text`;
    return rows.map((row) => row.id);
  },

  /**
   * Takes up to `limit` pending deliveries that are due, holding each for `holdMs` (its next
   * attempt moves past the attempt's end, so a runtime that dies mid-attempt leaves it to others).
   */
  async claimDue(limit: number, holdMs: number): Promise<ClaimedDelivery[]> {
    const claimed = await getDb().$queryRaw<{ id: string }[]>`
      UPDATE webhook_deliveries SET next_attempt_at = now() + ${holdMs} * interval '1 millisecond', updated_at = now()
      WHERE id IN (
        SELECT id FROM webhook_deliveries
        WHERE status = 'pending' AND next_attempt_at <= now()
        ORDER BY next_attempt_at
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
      RETURNING id::text`;
    if (claimed.length === 0) return [];
    const rows = await getDb().webhookDelivery.findMany({
      where: { id: { in: claimed.map((row) => row.id) } },
      include: { call: { select: { flowVersion: { select: { flow: { select: { id: true, workspaceId: true } } } } } } },
    });
    return rows.map(({ call, ...row }) => ({
      ...toRecord(row),
      flowId: call.flowVersion.flow.id,
      workspaceId: call.flowVersion.flow.workspaceId,
    }));
  },

  /** Appends `attempt` to the delivery's log and moves it on as `outcome` says. */
  async recordAttempt(id: string, attempt: DeliveryAttempt, outcome: AttemptOutcome): Promise<void> {
    const retryAt = outcome.status === 'pending' ? outcome.retryAt : null;
    await getDb().$executeRaw`
      UPDATE webhook_deliveries SET
        attempts = attempts + 1,
        status = ${outcome.status}::webhook_delivery_status,
        response_status = ${attempt.responseStatus ?? null}::int,
        last_error = ${attempt.error ?? null},
        next_attempt_at = ${retryAt}::timestamptz,
        log = log || ${JSON.stringify([attempt])}::jsonb,
        updated_at = now()
      WHERE id = ${id}::uuid`;
  },

  /** The call's deliveries, oldest first; NotFoundError when the call is not the workspace's. */
  async listForCall(workspaceId: string, callId: string): Promise<DeliveryRecord[]> {
    const call =
      isUuid(callId) && isUuid(workspaceId)
        ? await getDb().call.findFirst({
            where: { id: callId, flowVersion: { flow: { workspaceId } } },
            select: { id: true },
          })
        : null;
    if (!call) throw new NotFoundError(`Call ${callId}`);
    const rows = await getDb().webhookDelivery.findMany({ where: { callId }, orderBy: { createdAt: 'asc' } });
    return rows.map(toRecord);
  },

  /** Delivery `id` of any workspace (unscoped: for tests and operators' scripts, never for routes). */
  async get(id: string): Promise<DeliveryRecord> {
    const row = isUuid(id) ? await getDb().webhookDelivery.findUnique({ where: { id } }) : null;
    if (!row) throw new NotFoundError(`Webhook delivery ${id}`);
    return toRecord(row);
  },
};
