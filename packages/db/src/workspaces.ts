import { getDb } from './client';
import { NotFoundError } from './errors';
import { isUuid } from './ids';

/** A workspace as its members see it. */
export interface WorkspaceRecord {
  id: string;
  name: string;
  /** What callers' dispatch metadata names the workspace by; null until an admin chooses one. */
  slug: string | null;
  /** Most calls (test and production) the workspace may have going at once. */
  maxConcurrentCalls: number;
  createdAt: Date;
}

/** A user's place in a workspace. */
export interface MembershipRecord {
  workspace: WorkspaceRecord;
  role: 'admin' | 'member';
}

/** Workspaces: the unit that owns flows, secrets, the webhook allow-list and the audit log. */
export const workspaces = {
  /** Stores a new, memberless workspace. */
  create(name: string): Promise<WorkspaceRecord> {
    return getDb().workspace.create({ data: { name } });
  },

  /** Workspace `id`; NotFoundError when there is none. */
  async get(id: string): Promise<WorkspaceRecord> {
    const row = isUuid(id) ? await getDb().workspace.findUnique({ where: { id } }) : null;
    if (!row) throw new NotFoundError(`Workspace ${id}`);
    return row;
  },

  /** The workspaces the user belongs to, oldest membership first. */
  async ofUser(userId: string): Promise<MembershipRecord[]> {
    if (!isUuid(userId)) return [];
    const rows = await getDb().membership.findMany({
      where: { userId },
      orderBy: { createdAt: 'asc' },
      select: { role: true, workspace: true },
    });
    return rows;
  },
};
