import { getDb } from './client';

/**
 * Which runtime runs which call. A runtime claims a pending call (runtime id + lease expiry) and
 * renews the lease while the call runs; a call whose lease has run out, or whose runtime restarted,
 * is run by nobody and may be marked failed by any runtime. Times are the database's, so runtimes
 * with skewed clocks agree.
 */
export const callLeases = {
  /** Takes pending call `callId` for `runtimeId` for `leaseMs`; false when another runtime holds it or it is not pending. */
  async claim(callId: string, runtimeId: string, leaseMs: number): Promise<boolean> {
    const count = await getDb().$executeRaw`
      UPDATE calls SET runtime_id = ${runtimeId},
        lease_expires_at = now() + ${leaseMs} * interval '1 millisecond'
      WHERE id = ${callId}::uuid AND status = 'pending'
        AND (runtime_id IS NULL OR runtime_id = ${runtimeId} OR lease_expires_at < now())`;
    return count === 1;
  },

  /** Extends the leases of `callIds` that `runtimeId` holds and that are still going. */
  async renew(runtimeId: string, callIds: string[], leaseMs: number): Promise<void> {
    if (callIds.length === 0) return;
    await getDb().$executeRaw`
      UPDATE calls SET lease_expires_at = now() + ${leaseMs} * interval '1 millisecond'
      WHERE runtime_id = ${runtimeId} AND id = ANY(${callIds}::uuid[]) AND status IN ('pending', 'active')`;
  },

  /** Fails the calls `runtimeId` held but no longer runs (it restarted); returns their ids. */
  async failOwnedBy(runtimeId: string, reason: string): Promise<string[]> {
    const rows = await getDb().$queryRaw<{ id: string }[]>`
      UPDATE calls SET status = 'failed', ended_at = now(), failure_reason = ${reason}
      WHERE runtime_id = ${runtimeId} AND status IN ('pending', 'active')
      RETURNING id::text`;
    return rows.map((row) => row.id);
  },

  /**
   * Fails calls nobody runs: held with a lease that ran out (`leaseReason`), or pending and never
   * claimed for longer than `unclaimedMs` (no caller came; `unclaimedReason`). Returns their ids.
   */
  async failAbandoned(reasons: { lease: string; unclaimed: string }, unclaimedMs: number): Promise<string[]> {
    const rows = await getDb().$queryRaw<{ id: string }[]>`
      UPDATE calls SET status = 'failed', ended_at = now(),
        failure_reason = CASE WHEN runtime_id IS NULL THEN ${reasons.unclaimed} ELSE ${reasons.lease} END
      WHERE (status IN ('pending', 'active') AND lease_expires_at < now())
         OR (status = 'pending' AND runtime_id IS NULL
             AND created_at < now() - ${unclaimedMs} * interval '1 millisecond')
      RETURNING id::text`;
    return rows.map((row) => row.id);
  },
};
