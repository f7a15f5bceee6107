import type { CallRecord } from '@parley/db';
import type { z } from 'zod';
import type { callResponse } from './response-schemas';

/** A call as the API shows it. */
export type CallView = z.input<typeof callResponse>;

/** The API's view of a call record. */
export function callView(call: CallRecord): CallView {
  return {
    id: call.id,
    flowId: call.flowId,
    versionNumber: call.versionNumber,
    mode: call.mode,
    status: call.status,
    source: call.source,
    callerIdentity: call.callerIdentity,
    variables: call.variables,
    room: call.room,
    createdAt: call.createdAt.toISOString(),
    startedAt: call.startedAt?.toISOString() ?? null,
    endedAt: call.endedAt?.toISOString() ?? null,
    durationMs: call.startedAt && call.endedAt ? call.endedAt.getTime() - call.startedAt.getTime() : null,
    failureReason: call.failureReason,
    recorded: call.recorded,
  };
}
