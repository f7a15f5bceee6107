import type { FlowSpec } from '@parley/engine/flow';
import { getDb } from './client';
import { NotFoundError } from './errors';
import { type FlowRecord, findFlow, replaceDraft } from './flows';
import type { FlowVersion, VersionKind } from './generated/client';
import { isUuid } from './ids';
import { publishableSpec, readSpec, specJson } from './specs';

/** A stored version without its spec. */
export interface VersionSummary {
  id: string;
  flowId: string;
  number: number;
  kind: 'published' | 'snapshot';
  note: string;
  createdAt: Date;
  /** Whether this is the flow's live version. */
  live: boolean;
}

/** A stored version with the exact spec calls on it run. */
export interface VersionRecord extends VersionSummary {
  spec: FlowSpec;
}

type VersionRow = FlowVersion & { liveOf: { id: string } | null };

const withLive = { liveOf: { select: { id: true } } } as const;

// Publishes queue on the flow's row lock; waiting for a pooled connection may take a while
// under load, which is not a reason to fail.
const transactionOptions = { maxWait: 30_000, timeout: 30_000 };

function toSummary(row: VersionRow): VersionSummary {
  return {
    id: row.id,
    flowId: row.flowId,
    number: row.number,
    kind: row.kind,
    note: row.note,
    createdAt: row.createdAt,
    live: row.liveOf !== null,
  };
}

function toVersionRecord(row: VersionRow): VersionRecord {
  return { ...toSummary(row), spec: readSpec(row.spec) };
}

/**
 * Stores the flow's current draft as version number N+1. Incrementing Flow.versionCount takes the
 * flow's row lock until commit, so concurrent calls are numbered one after another without gaps
 * or duplicates; an invalid draft rolls the increment back and nothing is stored.
 */
async function cutVersion(flowId: string, kind: VersionKind, note: string): Promise<VersionRecord> {
  if (!isUuid(flowId)) throw new NotFoundError(`Flow ${flowId}`);
  return getDb().$transaction(async (tx) => {
    const [flow] = await tx.flow.updateManyAndReturn({
      where: { id: flowId },
      data: { versionCount: { increment: 1 } },
    });
    if (!flow) throw new NotFoundError(`Flow ${flowId}`);
    const action = kind === 'published' ? 'published' : 'snapshotted';
    const spec = publishableSpec(flow.draft, `Flow ${flowId} cannot be ${action}`);
    const version = await tx.flowVersion.create({
      data: { flowId, number: flow.versionCount, kind, note, spec: specJson(spec) },
    });
    if (kind === 'published') {
      await tx.flow.update({ where: { id: flowId }, data: { liveVersionId: version.id } });
    }
    return toVersionRecord({ ...version, liveOf: kind === 'published' ? { id: flowId } : null });
  }, transactionOptions);
}

async function findVersion(flowId: string, number: number): Promise<VersionRecord> {
  const row =
    isUuid(flowId) && Number.isInteger(number)
      ? await getDb().flowVersion.findUnique({ where: { flowId_number: { flowId, number } }, include: withLive })
      : null;
  if (!row) throw new NotFoundError(`Version ${number} of flow ${flowId}`);
  return toVersionRecord(row);
}

/** Versions: immutable copies of a flow's draft, numbered 1, 2, 3… per flow. */
export const versions = {
  /** Validates the draft and stores it as the new live version; InvalidFlowError if it has errors. */
  publish(flowId: string, note: string): Promise<VersionRecord> {
    return cutVersion(flowId, 'published', note);
  },

  /** Stores the draft as a snapshot for a test call: numbered like published versions, never live. */
  snapshot(flowId: string, note = ''): Promise<VersionRecord> {
    return cutVersion(flowId, 'snapshot', note);
  },

  /** The flow's versions, newest first; NotFoundError when the flow is missing. */
  async list(flowId: string): Promise<VersionSummary[]> {
    const rows = isUuid(flowId)
      ? await getDb().flowVersion.findMany({ where: { flowId }, orderBy: { number: 'desc' }, include: withLive })
      : [];
    if (rows.length === 0) await findFlow(flowId);
    return rows.map(toSummary);
  },

  /** Version `number` of the flow. */
  get: findVersion,

  /** A version by its own id. */
  async getById(versionId: string): Promise<VersionRecord> {
    const row = isUuid(versionId)
      ? await getDb().flowVersion.findUnique({ where: { id: versionId }, include: withLive })
      : null;
    if (!row) throw new NotFoundError(`Version ${versionId}`);
    return toVersionRecord(row);
  },

  /** The version calls to the flow run; NotFoundError when nothing was published. */
  async live(flowId: string): Promise<VersionRecord> {
    const flow = await findFlow(flowId);
    if (!flow.liveVersionId) throw new NotFoundError(`Live version of flow ${flowId}`);
    return versions.getById(flow.liveVersionId);
  },

  /** Makes published version `number` live again; the draft is untouched; snapshots are refused. */
  async rollback(flowId: string, number: number): Promise<FlowRecord> {
    const version = await findVersion(flowId, number);
    // A snapshot is a test-call copy of a draft, not something that may go live.
    if (version.kind !== 'published') throw new NotFoundError(`Published version ${number} of flow ${flowId}`);
    await getDb().flow.update({ where: { id: flowId }, data: { liveVersionId: version.id } });
    return findFlow(flowId);
  },

  /** Copies version `number`'s spec into the draft, based on `baseRevision` like any save. */
  async restore(flowId: string, number: number, baseRevision: number): Promise<FlowRecord> {
    const version = await findVersion(flowId, number);
    return replaceDraft(flowId, version.spec, baseRevision);
  },
};
