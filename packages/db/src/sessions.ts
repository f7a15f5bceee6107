import { getDb } from './client';

/** A live sign-in: who, in which workspace, and the CSRF token their page must send back. */
export interface SessionRecord {
  id: string;
  csrfToken: string;
  expiresAt: Date;
  user: { id: string; email: string };
  /** The user's first workspace (the one the app works in) and their role there. */
  workspace: { id: string; name: string; role: 'admin' | 'member' };
}

/** Sessions, keyed by the hash of the cookie token (the token itself is never stored). */
export const sessions = {
  /** Stores a session for `userId` until `expiresAt`. */
  async create(input: { id: string; userId: string; csrfToken: string; expiresAt: Date }): Promise<void> {
    await getDb().session.create({ data: input });
  },

  /** The unexpired session with this id and its user's workspace, or null. */
  async find(id: string, now = new Date()): Promise<SessionRecord | null> {
    const row = await getDb().session.findUnique({
      where: { id },
      select: {
        id: true,
        csrfToken: true,
        expiresAt: true,
        user: {
          select: {
            id: true,
            email: true,
            memberships: {
              orderBy: { createdAt: 'asc' },
              take: 1,
              select: { role: true, workspace: { select: { id: true, name: true } } },
            },
          },
        },
      },
    });
    const membership = row?.user.memberships[0];
    if (!row || !membership || row.expiresAt <= now) return null;
    return {
      id: row.id,
      csrfToken: row.csrfToken,
      expiresAt: row.expiresAt,
      user: { id: row.user.id, email: row.user.email },
      workspace: { ...membership.workspace, role: membership.role },
    };
  },

  /** Ends the session (sign-out); nothing happens when it is already gone. */
  async remove(id: string): Promise<void> {
    await getDb().session.deleteMany({ where: { id } });
  },

  /** Deletes sessions that expired before `now`; returns how many. */
  async removeExpired(now = new Date()): Promise<number> {
    const { count } = await getDb().session.deleteMany({ where: { expiresAt: { lte: now } } });
    return count;
  },
};
