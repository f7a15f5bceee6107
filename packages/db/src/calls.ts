import { getDb } from './client';
import { NotFoundError } from './errors';
import type { Call, CallSource, CallStatus, Prisma } from './generated/client';
import { isUuid } from './ids';

/** How a call reached Parley (tester, LiveKit dispatch, call API, widget, phone). */
export type { CallSource };

/** Values filling a flow's {{variables}} for one call. */
export type CallVariables = Record<string, string>;

/** A call with the flow and version number it runs. */
export interface CallRecord {
  id: string;
  flowVersionId: string;
  flowId: string;
  mode: 'livekit' | 'local';
  room: string | null;
  source: CallSource;
  callerIdentity: string | null;
  variables: CallVariables;
  apiKeyId: string | null;
  status: 'pending' | 'active' | 'ended' | 'failed';
  startedAt: Date | null;
  endedAt: Date | null;
  failureReason: string | null;
  createdAt: Date;
  versionNumber: number;
  /** SessionEvents the runtime could not store; the call's event log has gaps when above 0. */
  eventsDropped: number;
  /** The call's audio goes to (or is in) the recording store. */
  recorded: boolean;
}

/** A call row as read with its version's flow id and number. */
export type CallRow = Call & { flowVersion: { flowId: string; number: number } };

const withVersion = { flowVersion: { select: { flowId: true, number: true } } } as const;

// Which runtime holds the call, and until when, is the runtimes' business, not the API's.
/** The record of a call row read with its version. */
export function toCallRecord({
  flowVersion,
  runtimeId: _runtime,
  leaseExpiresAt: _lease,
  ...row
}: CallRow): CallRecord {
  return {
    ...row,
    variables: row.variables as CallVariables,
    flowId: flowVersion.flowId,
    versionNumber: flowVersion.number,
  };
}

/** What a new call records besides its version and mode. */
export interface NewCallDetails {
  room?: string;
  /** Default `test`: a call from the builder's tester. */
  source?: CallSource;
  callerIdentity?: string;
  variables?: CallVariables;
  apiKeyId?: string;
  /** Record this call even when its flow does not record every call (the tester's tick). */
  record?: boolean;
}

async function findCall(id: string): Promise<CallRecord> {
  const row = isUuid(id) ? await getDb().call.findUnique({ where: { id }, include: withVersion }) : null;
  if (!row) throw new NotFoundError(`Call ${id}`);
  return toCallRecord(row);
}

/**
 * Moves the call to a later status only from one of `from`; a call already past them is left as
 * it is, so repeated or racing reports (a crash after a normal end) never rewrite history.
 */
async function transition(id: string, from: CallStatus[], data: Prisma.CallUpdateManyMutationInput) {
  if (isUuid(id)) await getDb().call.updateMany({ where: { id, status: { in: from } }, data });
  return findCall(id);
}

/** Calls: one conversation each, pending -> active -> ended | failed. */
export const calls = {
  /** Records a new pending call on the given version; NotFoundError when the version is missing. */
  async create(
    input: { flowVersionId: string; mode: 'livekit' | 'local' } & NewCallDetails,
    db: Pick<ReturnType<typeof getDb>, 'call' | 'flowVersion'> = getDb(),
  ): Promise<CallRecord> {
    const version = isUuid(input.flowVersionId)
      ? await db.flowVersion.findUnique({
          where: { id: input.flowVersionId },
          select: { id: true, flow: { select: { recordCalls: true } } },
        })
      : null;
    if (!version) throw new NotFoundError(`Version ${input.flowVersionId}`);
    const row = await db.call.create({
      data: {
        flowVersionId: input.flowVersionId,
        mode: input.mode,
        room: input.room ?? null,
        source: input.source ?? 'test',
        callerIdentity: input.callerIdentity ?? null,
        variables: input.variables ?? {},
        apiKeyId: input.apiKeyId ?? null,
        recorded: version.flow.recordCalls || input.record === true,
      },
      include: withVersion,
    });
    return toCallRecord(row);
  },

  /** The call; NotFoundError when missing. */
  get: findCall,

  /** Calls on any version of the flow, newest first. */
  async listByFlow(flowId: string): Promise<CallRecord[]> {
    const rows = isUuid(flowId)
      ? await getDb().call.findMany({
          where: { flowVersion: { flowId } },
          orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
          include: withVersion,
        })
      : [];
    return rows.map(toCallRecord);
  },

  /** pending -> active, stamping startedAt. */
  markActive(id: string): Promise<CallRecord> {
    return transition(id, ['pending'], { status: 'active', startedAt: new Date() });
  },

  /** pending | active -> ended, stamping endedAt. */
  markEnded(id: string): Promise<CallRecord> {
    return transition(id, ['pending', 'active'], { status: 'ended', endedAt: new Date() });
  },

  /** Adds `count` to the call's dropped-events counter. */
  async addDroppedEvents(id: string, count: number): Promise<void> {
    if (isUuid(id)) await getDb().call.updateMany({ where: { id }, data: { eventsDropped: { increment: count } } });
  },

  /**
   * Records the caller a runtime linked in the room, unless one is recorded already (the dispatch
   * named them): their identity, the call's variables, and source `sip` for a phone caller.
   */
  async recordCaller(id: string, caller: { identity: string; sip: boolean; variables: CallVariables }): Promise<void> {
    if (!isUuid(id)) return;
    await getDb().call.updateMany({
      where: { id, callerIdentity: null },
      data: {
        callerIdentity: caller.identity,
        variables: caller.variables,
        ...(caller.sip ? { source: 'sip' as const } : {}),
      },
    });
  },

  /** pending | active -> failed with `reason`; a call already ended or failed keeps its outcome. */
  markFailed(id: string, reason: string): Promise<CallRecord> {
    return transition(id, ['pending', 'active'], { status: 'failed', endedAt: new Date(), failureReason: reason });
  },
};
