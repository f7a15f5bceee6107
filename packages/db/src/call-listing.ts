import type { CallRecord, CallSource } from './calls';
import { toCallRecord } from './calls';
import { getDb } from './client';
import type { CallStatus, Prisma } from './generated/client';
import { isUuid } from './ids';

/** Which calls of a workspace to list; every field left out matches all. */
export interface CallFilter {
  flowId?: string;
  /** Version number (of the flow when `flowId` is given, else of any flow). */
  version?: number;
  status?: CallStatus;
  source?: CallSource;
  /** Created at or after this instant. */
  from?: Date;
  /** Created before this instant. */
  to?: Date;
}

/** Where a page of calls continues: after the call with this creation time and id. */
export interface CallCursor {
  createdAt: Date;
  id: string;
}

/** A call as the workspace's call list shows it: the record and its flow's name. */
export interface CallListing extends CallRecord {
  flowName: string;
}

/** One page of calls, newest first, and the cursor of the next page (null on the last). */
export interface CallPage {
  calls: CallListing[];
  nextCursor: string | null;
}

/** The most calls one page may hold. */
export const maxCallPageSize = 200;

/** The opaque text form of a cursor, as clients pass it back. */
function encodeCallCursor(cursor: CallCursor): string {
  return Buffer.from(`${cursor.createdAt.toISOString()}|${cursor.id}`).toString('base64url');
}

/** The cursor `text` encodes, or null when it is not one encodeCallCursor made. */
export function decodeCallCursor(text: string): CallCursor | null {
  const [at = '', id = '', ...rest] = Buffer.from(text, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(at);
  if (rest.length > 0 || !isUuid(id) || Number.isNaN(createdAt.getTime()) || createdAt.toISOString() !== at)
    return null;
  return { createdAt, id };
}

function whereOf(workspaceId: string, filter: CallFilter, after: CallCursor | undefined): Prisma.CallWhereInput {
  const createdAt: Prisma.DateTimeFilter = {};
  if (filter.from) createdAt.gte = filter.from;
  if (filter.to) createdAt.lt = filter.to;
  return {
    flowVersion: {
      flow: { workspaceId },
      ...(filter.flowId !== undefined && { flowId: filter.flowId }),
      ...(filter.version !== undefined && { number: filter.version }),
    },
    ...(filter.status && { status: filter.status }),
    ...(filter.source && { source: filter.source }),
    ...((filter.from || filter.to) && { createdAt }),
    // Keyset paging on (createdAt desc, id desc): strictly after the cursor's call.
    ...(after && {
      OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }],
    }),
  };
}

/**
 * The calls of workspace `workspaceId` matching `filter`, newest first (ties by id), `limit` at
 * a time (1 to maxCallPageSize) after `cursor`. Calls of other workspaces are never listed.
 */
export async function listWorkspaceCalls(
  workspaceId: string,
  filter: CallFilter,
  page: { cursor?: CallCursor; limit: number },
): Promise<CallPage> {
  if (filter.flowId !== undefined && !isUuid(filter.flowId)) return { calls: [], nextCursor: null };
  const limit = Math.min(Math.max(1, Math.trunc(page.limit)), maxCallPageSize);
  const rows = await getDb().call.findMany({
    where: whereOf(workspaceId, filter, page.cursor),
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    // One more than asked tells whether a next page exists.
    take: limit + 1,
    include: { flowVersion: { select: { flowId: true, number: true, flow: { select: { name: true } } } } },
  });
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  return {
    calls: shown.map((row) => ({ ...toCallRecord(row), flowName: row.flowVersion.flow.name })),
    nextCursor: rows.length > limit && last ? encodeCallCursor(last) : null,
  };
}
