import type { FlowSpec } from '@parley/engine/flow';
import { type CallCursor, type CallFilter, type CallPage, listWorkspaceCalls } from './call-listing';
import { type CallRecord, calls, type NewCallDetails } from './calls';
import { getDb } from './client';
import { CallCapReachedError, NotFoundError } from './errors';
import { createFlow, type FlowRecord, type FlowSummary, flows, listFlows } from './flows';
import { isUuid } from './ids';
import { transactionWaits } from './rate-limits';
import { type VersionRecord, type VersionSummary, versions } from './versions';

/** Flows, versions and calls of one workspace. */
export interface WorkspaceRepositories {
  flows: {
    list(): Promise<FlowSummary[]>;
    create(spec: FlowSpec): Promise<FlowRecord>;
    get(id: string): Promise<FlowRecord>;
    updateDraft(id: string, spec: FlowSpec, baseRevision: number): Promise<FlowRecord>;
    remove(id: string): Promise<void>;
    duplicate(id: string, name?: string): Promise<FlowRecord>;
  };
  versions: {
    publish(flowId: string, note: string): Promise<VersionRecord>;
    snapshot(flowId: string, note?: string): Promise<VersionRecord>;
    list(flowId: string): Promise<VersionSummary[]>;
    get(flowId: string, number: number): Promise<VersionRecord>;
    getById(versionId: string): Promise<VersionRecord>;
    live(flowId: string): Promise<VersionRecord>;
    rollback(flowId: string, number: number): Promise<FlowRecord>;
    restore(flowId: string, number: number, baseRevision: number): Promise<FlowRecord>;
  };
  calls: {
    create(input: { flowVersionId: string; mode: 'livekit' | 'local' } & NewCallDetails): Promise<CallRecord>;
    get(id: string): Promise<CallRecord>;
    listByFlow(flowId: string): Promise<CallRecord[]>;
    /** The workspace's calls matching `filter`, newest first, a page at a time. */
    list(filter: CallFilter, page: { cursor?: CallCursor; limit: number }): Promise<CallPage>;
    /** Calls of the workspace going now: active, or pending and still joinable. */
    countOpen(): Promise<number>;
    /**
     * Creates a pending call only while the workspace has fewer than `max` going, atomically
     * (the workspace row is locked for the check), so racing requests in any number of web
     * processes cannot overshoot; CallCapReachedError otherwise.
     */
    createCapped(
      input: { flowVersionId: string; mode: 'livekit' | 'local' } & NewCallDetails,
      max: number,
    ): Promise<CallRecord>;
  };
}

/** How long a pending call may still be joined (call tokens live a minute). */
const pendingCallMs = 2 * 60_000;

type Tx = Pick<ReturnType<typeof getDb>, 'call'>;

/**
 * The repositories as one workspace may use them. Every id is checked against the workspace
 * first, and one of another workspace is reported exactly like a missing one (NotFoundError),
 * so nobody learns what exists elsewhere. A flow never changes workspace, so check-then-act
 * cannot race into another workspace.
 */
export function forWorkspace(workspaceId: string): WorkspaceRepositories {
  const db = () => getDb();

  async function ownFlow(flowId: string): Promise<void> {
    const row = isUuid(flowId)
      ? await db().flow.findFirst({ where: { id: flowId, workspaceId }, select: { id: true } })
      : null;
    if (!row) throw new NotFoundError(`Flow ${flowId}`);
  }

  async function ownVersion(versionId: string): Promise<void> {
    const row = isUuid(versionId)
      ? await db().flowVersion.findFirst({ where: { id: versionId, flow: { workspaceId } }, select: { id: true } })
      : null;
    if (!row) throw new NotFoundError(`Version ${versionId}`);
  }

  async function ownCall(callId: string): Promise<void> {
    const row = isUuid(callId)
      ? await db().call.findFirst({
          where: { id: callId, flowVersion: { flow: { workspaceId } } },
          select: { id: true },
        })
      : null;
    if (!row) throw new NotFoundError(`Call ${callId}`);
  }

  /** Calls of the workspace going now: active, or pending and still joinable. */
  const countOpen = (tx: Tx) =>
    tx.call.count({
      where: {
        flowVersion: { flow: { workspaceId } },
        // A pending call nobody joined within its token's life never starts: not counted.
        OR: [{ status: 'active' }, { status: 'pending', createdAt: { gt: new Date(Date.now() - pendingCallMs) } }],
      },
    });

  /** Runs `work` after checking that the flow is the workspace's. */
  const onFlow =
    <A extends unknown[], R>(work: (flowId: string, ...rest: A) => Promise<R>) =>
    async (flowId: string, ...rest: A): Promise<R> => {
      await ownFlow(flowId);
      return work(flowId, ...rest);
    };

  return {
    flows: {
      list: () => listFlows(workspaceId),
      create: (spec) => createFlow(spec, workspaceId),
      get: onFlow(flows.get),
      updateDraft: onFlow(flows.updateDraft),
      remove: onFlow(flows.remove),
      duplicate: onFlow(flows.duplicate),
    },
    versions: {
      publish: onFlow(versions.publish),
      snapshot: onFlow(versions.snapshot),
      list: onFlow(versions.list),
      get: onFlow(versions.get),
      async getById(versionId) {
        await ownVersion(versionId);
        return versions.getById(versionId);
      },
      live: onFlow(versions.live),
      rollback: onFlow(versions.rollback),
      restore: onFlow(versions.restore),
    },
    calls: {
      async create(input) {
        await ownVersion(input.flowVersionId);
        return calls.create(input);
      },
      async get(id) {
        await ownCall(id);
        return calls.get(id);
      },
      listByFlow: onFlow(calls.listByFlow),
      list: (filter, page) => listWorkspaceCalls(workspaceId, filter, page),
      countOpen: () => countOpen(db()),
      async createCapped(input, max) {
        await ownVersion(input.flowVersionId);
        const id = await db().$transaction(async (tx) => {
          // Every admission for this workspace waits here in turn, in whichever process it runs.
          await tx.$queryRaw`SELECT id FROM workspaces WHERE id = ${workspaceId}::uuid FOR UPDATE`;
          if ((await countOpen(tx)) >= max) throw new CallCapReachedError(max);
          return (await calls.create(input, tx)).id;
        }, transactionWaits);
        return calls.get(id);
      },
    },
  };
}
