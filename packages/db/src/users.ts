import { getDb } from './client';

/** A user without the password hash. */
export interface UserRecord {
  id: string;
  email: string;
  createdAt: Date;
}

/** A user with the hash sign-in checks the password against. */
export interface UserCredentials extends UserRecord {
  passwordHash: string;
}

/** Why a user could not be created. */
export class UserExistsError extends Error {
  constructor(readonly reason: 'email_taken' | 'setup_done') {
    super(reason === 'email_taken' ? 'A user with this email already exists' : 'The admin account already exists');
    this.name = 'UserExistsError';
  }
}

const publicFields = { id: true, email: true, createdAt: true } as const;

// Sign-in must not depend on how someone typed the case of their address.
function normalEmail(email: string): string {
  return email.trim().toLowerCase();
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';
}

// One number for pg_advisory_xact_lock, so concurrent first-run setups create one admin only.
const firstAdminLock = 0x7061726c;

/** Users: people who sign in, each a member of one or more workspaces. */
export const users = {
  /** How many users exist (0 means first run: the admin account is still to be created). */
  count(): Promise<number> {
    return getDb().user.count();
  },

  /** The user with this email (any case) and their password hash, or null. */
  findCredentials(email: string): Promise<UserCredentials | null> {
    return getDb().user.findUnique({ where: { email: normalEmail(email) } });
  },

  /**
   * Creates a user with `role` in the given workspace, or in a new workspace named
   * `newWorkspaceName`; UserExistsError('email_taken') when the email is in use.
   */
  async create(input: {
    email: string;
    passwordHash: string;
    role: 'admin' | 'member';
    workspace: { id: string } | { newName: string };
  }): Promise<UserRecord> {
    try {
      return await getDb().$transaction(async (tx) => {
        const workspaceId =
          'id' in input.workspace
            ? input.workspace.id
            : (await tx.workspace.create({ data: { name: input.workspace.newName } })).id;
        return tx.user.create({
          data: {
            email: normalEmail(input.email),
            passwordHash: input.passwordHash,
            memberships: { create: { workspaceId, role: input.role } },
          },
          select: publicFields,
        });
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new UserExistsError('email_taken');
      throw error;
    }
  },

  /**
   * First run: creates the admin while no user exists, in the memberless workspace an upgrade
   * moved older flows into, else in a new one; UserExistsError('setup_done') once any user exists.
   */
  async createFirstAdmin(input: { email: string; passwordHash: string }): Promise<UserRecord> {
    return getDb().$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${firstAdminLock})`;
      if ((await tx.user.count()) > 0) throw new UserExistsError('setup_done');
      const adopted = await tx.workspace.findFirst({
        where: { memberships: { none: {} } },
        orderBy: { createdAt: 'asc' },
        select: { id: true },
      });
      const workspaceId = adopted?.id ?? (await tx.workspace.create({ data: { name: 'Default' } })).id;
      return tx.user.create({
        data: {
          email: normalEmail(input.email),
          passwordHash: input.passwordHash,
          memberships: { create: { workspaceId, role: 'admin' } },
        },
        select: publicFields,
      });
    });
  },
};
