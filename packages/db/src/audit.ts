import { getDb } from './client';
import type { AuditAction, Prisma } from './generated/client';

/** What happened, recorded once it happened. */
export interface AuditInput {
  workspaceId: string;
  userId: string | null;
  action: AuditAction;
  flowId?: string;
  versionId?: string;
  target?: string;
  details?: Prisma.InputJsonObject;
}

/** One audit entry as read back. */
export interface AuditRecord {
  id: string;
  userId: string | null;
  userEmail: string | null;
  action: AuditAction;
  flowId: string | null;
  versionId: string | null;
  target: string | null;
  details: Prisma.JsonValue;
  at: Date;
}

/** The audit log: who published, rolled back, restored, deleted or changed secrets, and when. */
export const audit = {
  /** Appends an entry. */
  async record(input: AuditInput): Promise<void> {
    await getDb().auditEntry.create({ data: { ...input, details: input.details ?? {} } });
  },

  /** The workspace's entries, newest first (at most `limit`). */
  async list(workspaceId: string, limit = 100): Promise<AuditRecord[]> {
    const rows = await getDb().auditEntry.findMany({
      where: { workspaceId },
      orderBy: [{ at: 'desc' }, { id: 'desc' }],
      take: limit,
      include: { user: { select: { email: true } } },
    });
    return rows.map(({ user, workspaceId: _workspace, ...row }) => ({ ...row, userEmail: user?.email ?? null }));
  },
};
