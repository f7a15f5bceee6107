import type { FlowSpec } from '@parley/engine/flow';
import { getDb } from './client';
import { NotFoundError, RevisionConflictError } from './errors';
import type { Flow } from './generated/client';
import { isUuid } from './ids';
import { readSpec, specJson, storableSpec } from './specs';

/** A flow as listed: no draft, its live version and how many versions were published. */
export interface FlowSummary {
  id: string;
  name: string;
  description: string;
  /** What callers dispatch to (unique in the workspace); null until someone chooses one. */
  slug: string | null;
  revision: number;
  createdAt: Date;
  updatedAt: Date;
  liveVersion: { id: string; number: number } | null;
  /** Published versions only; snapshots made for test calls are not counted. */
  versionCount: number;
}

/** A flow with its editable draft. */
export interface FlowRecord {
  id: string;
  workspaceId: string;
  name: string;
  /** What callers dispatch to (unique in the workspace); null until someone chooses one. */
  slug: string | null;
  draft: FlowSpec;
  revision: number;
  liveVersionId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

function toFlowRecord(row: Flow): FlowRecord {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    name: row.name,
    slug: row.slug,
    draft: readSpec(row.draft),
    revision: row.revision,
    liveVersionId: row.liveVersionId,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** Reads flow `id` or throws NotFoundError. */
export async function findFlow(id: string): Promise<FlowRecord> {
  const row = isUuid(id) ? await getDb().flow.findUnique({ where: { id } }) : null;
  if (!row) throw new NotFoundError(`Flow ${id}`);
  return toFlowRecord(row);
}

/**
 * Replaces the draft of flow `id` if it is still at `baseRevision`. One conditional UPDATE decides,
 * so among concurrent saves from the same revision exactly one wins; the others change nothing.
 */
export async function replaceDraft(id: string, spec: FlowSpec, baseRevision: number): Promise<FlowRecord> {
  const draft = storableSpec(spec, `Cannot save the draft of flow ${id}`);
  if (!isUuid(id)) throw new NotFoundError(`Flow ${id}`);
  const db = getDb();
  const [row] = await db.flow.updateManyAndReturn({
    where: { id, revision: baseRevision },
    data: { draft: specJson(draft), name: draft.name, description: draft.description, revision: { increment: 1 } },
  });
  if (row) return toFlowRecord(row);
  const current = await db.flow.findUnique({ where: { id }, select: { revision: true } });
  if (!current) throw new NotFoundError(`Flow ${id}`);
  throw new RevisionConflictError(id, baseRevision, current.revision);
}

/** Stores a new flow of the workspace whose draft is `spec` (revision 1, nothing published). */
export async function createFlow(spec: FlowSpec, workspaceId: string): Promise<FlowRecord> {
  const draft = storableSpec(spec, 'Cannot create a flow from this spec');
  const row = await getDb().flow.create({
    data: { workspaceId, name: draft.name, description: draft.description, draft: specJson(draft) },
  });
  return toFlowRecord(row);
}

/** Every flow of the workspace, most recently updated first. */
export async function listFlows(workspaceId: string): Promise<FlowSummary[]> {
  const rows = await getDb().flow.findMany({
    where: { workspaceId },
    orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }],
    select: {
      id: true,
      name: true,
      description: true,
      slug: true,
      revision: true,
      createdAt: true,
      updatedAt: true,
      liveVersion: { select: { id: true, number: true } },
      _count: { select: { versions: { where: { kind: 'published' } } } },
    },
  });
  return rows.map(({ _count, ...row }) => ({ ...row, versionCount: _count.versions }));
}

/** Flows: drafts with optimistic concurrency on `revision`. */
export const flows = {
  /** Every flow of the workspace, most recently updated first. */
  list: listFlows,

  /** Stores a new flow of the workspace whose draft is `spec`. */
  create: createFlow,

  /** The flow with its draft; NotFoundError when missing. */
  get: findFlow,

  /** Saves a new draft based on `baseRevision`; RevisionConflictError when someone saved in between. */
  updateDraft: replaceDraft,

  /** Deletes the flow with its versions, calls and call events. */
  async remove(id: string): Promise<void> {
    const { count } = isUuid(id) ? await getDb().flow.deleteMany({ where: { id } }) : { count: 0 };
    if (count === 0) throw new NotFoundError(`Flow ${id}`);
  },

  /** A new flow with a copy of the draft (no versions), named `name` or "<name> (copy)". */
  async duplicate(id: string, name?: string): Promise<FlowRecord> {
    const source = await findFlow(id);
    return createFlow({ ...source.draft, name: name ?? `${source.name} (copy)` }, source.workspaceId);
  },
};
