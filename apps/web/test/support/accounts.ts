import { randomBytes } from 'node:crypto';
import { users, workspaces } from '@parley/db';
import { hashPassword } from '../../src/server/auth/password';

/** An account made for a test: its credentials and workspace. */
export interface TestAccount {
  email: string;
  password: string;
  workspaceId: string;
}

/** Creates a user (admin of a new workspace, or a member of `workspaceId`) straight in the database. */
export async function createAccount(
  options: { workspaceId?: string; role?: 'admin' | 'member' } = {},
): Promise<TestAccount> {
  const email = `user-${randomBytes(5).toString('hex')}@example.com`;
  const password = `pw-${randomBytes(8).toString('hex')}`;
  const user = await users.create({
    email,
    passwordHash: await hashPassword(password),
    role: options.role ?? 'admin',
    workspace: options.workspaceId ? { id: options.workspaceId } : { newName: `${email}'s workspace` },
  });
  const [membership] = await workspaces.ofUser(user.id);
  return { email, password, workspaceId: membership?.workspace.id as string };
}
