import type { CallRecord } from '@parley/db';

/** A call as the API shows it: its record plus how long it lasted. */
export interface CallView {
  id: string;
  flowId: string;
  versionNumber: number;
  mode: 'livekit' | 'local';
  status: CallRecord['status'];
  createdAt: string;
  startedAt: string | null;
  endedAt: string | null;
  /** From the start of the conversation to its end; null until both are known. */
  durationMs: number | null;
  failureReason: string | null;
}

/** The API's view of a call record. */
export function callView(call: CallRecord): CallView {
  return {
    id: call.id,
    flowId: call.flowId,
    versionNumber: call.versionNumber,
    mode: call.mode,
    status: call.status,
    createdAt: call.createdAt.toISOString(),
    startedAt: call.startedAt?.toISOString() ?? null,
    endedAt: call.endedAt?.toISOString() ?? null,
    durationMs: call.startedAt && call.endedAt ? call.endedAt.getTime() - call.startedAt.getTime() : null,
    failureReason: call.failureReason,
  };
}
