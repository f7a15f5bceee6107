import { getDb } from './client';
import { NotFoundError } from './errors';
import { isUuid } from './ids';

/** Longest retention a workspace may set (ten years). */
export const maxRetentionDays = 3650;

/**
 * Call recordings' bookkeeping: which flows record, how long a workspace keeps recordings, and
 * which calls have one. The audio itself lives in the runtime's recording store.
 */
export const recordings = {
  /** Whether flow `flowId` records every call; NotFoundError when missing. */
  async flowRecords(flowId: string): Promise<boolean> {
    const row = isUuid(flowId)
      ? await getDb().flow.findUnique({ where: { id: flowId }, select: { recordCalls: true } })
      : null;
    if (!row) throw new NotFoundError(`Flow ${flowId}`);
    return row.recordCalls;
  },

  /** Turns recording of every call of flow `flowId` on or off (the draft and versions are untouched). */
  async setFlowRecords(flowId: string, on: boolean): Promise<void> {
    const { count } = isUuid(flowId)
      ? await getDb().flow.updateMany({ where: { id: flowId }, data: { recordCalls: on } })
      : { count: 0 };
    if (count === 0) throw new NotFoundError(`Flow ${flowId}`);
  },

  /** Days workspace `workspaceId` keeps recordings. */
  async retentionDays(workspaceId: string): Promise<number> {
    const row = isUuid(workspaceId)
      ? await getDb().workspace.findUnique({ where: { id: workspaceId }, select: { recordingRetentionDays: true } })
      : null;
    if (!row) throw new NotFoundError(`Workspace ${workspaceId}`);
    return row.recordingRetentionDays;
  },

  /** Sets the workspace's retention; RangeError naming the bounds when `days` is not 1..3650 whole days. */
  async setRetentionDays(workspaceId: string, days: number): Promise<void> {
    if (!Number.isInteger(days) || days < 1 || days > maxRetentionDays) {
      throw new RangeError(`recordingRetentionDays must be a whole number of days from 1 to ${maxRetentionDays}`);
    }
    const { count } = isUuid(workspaceId)
      ? await getDb().workspace.updateMany({ where: { id: workspaceId }, data: { recordingRetentionDays: days } })
      : { count: 0 };
    if (count === 0) throw new NotFoundError(`Workspace ${workspaceId}`);
  },

  /** Ids of recorded calls created longer ago than their workspace keeps recordings, at `now`. */
  async expired(now: Date, limit = 500): Promise<string[]> {
    const rows = await getDb().$queryRaw<{ id: string }[]>`
      SELECT c.id FROM calls c
      JOIN flow_versions v ON v.id = c.flow_version_id
      JOIN flows f ON f.id = v.flow_id
      JOIN workspaces w ON w.id = f.workspace_id
      WHERE c.recorded AND c.created_at < ${now}::timestamptz - make_interval(days => w.recording_retention_days)
      ORDER BY c.created_at
      LIMIT ${limit}`;
    return rows.map((row) => row.id);
  },

  /** The call's recording is gone: it no longer shows one. */
  async markDeleted(callId: string): Promise<void> {
    if (isUuid(callId)) await getDb().call.updateMany({ where: { id: callId }, data: { recorded: false } });
  },
};
