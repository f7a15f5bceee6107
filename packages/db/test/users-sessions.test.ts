import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, test } from 'vitest';
import { closeDb, getDb, sessions, UserExistsError, users, workspaces } from '../src/index';

afterAll(closeDb);

const email = () => `u-${randomBytes(4).toString('hex')}@Example.com`;

describe('users', () => {
  test('create stores the email lowercased in a new or given workspace; the hash is only in credentials', async () => {
    const address = email();
    const user = await users.create({
      email: address,
      passwordHash: 'h1',
      role: 'admin',
      workspace: { newName: 'Acme' },
    });
    expect(user).toEqual({ id: expect.any(String), email: address.toLowerCase(), createdAt: expect.any(Date) });
    expect(await users.findCredentials(address.toUpperCase())).toMatchObject({ id: user.id, passwordHash: 'h1' });
    const [membership] = await workspaces.ofUser(user.id);
    expect(membership).toMatchObject({ role: 'admin', workspace: { name: 'Acme' } });

    const colleague = await users.create({
      email: email(),
      passwordHash: 'h2',
      role: 'member',
      workspace: { id: membership?.workspace.id as string },
    });
    expect((await workspaces.ofUser(colleague.id))[0]).toMatchObject({
      role: 'member',
      workspace: membership?.workspace,
    });
  });

  test('a taken email is refused whatever its case', async () => {
    const address = email();
    await users.create({ email: address, passwordHash: 'h', role: 'member', workspace: { newName: 'W' } });
    const error = await users
      .create({ email: address.toUpperCase(), passwordHash: 'h', role: 'member', workspace: { newName: 'W2' } })
      .catch((e: unknown) => e);
    expect(error).toEqual(new UserExistsError('email_taken'));
  });

  test('createFirstAdmin refuses once any user exists', async () => {
    // Other tests in this file made users already, so this database is past first run.
    expect(await users.count()).toBeGreaterThan(0);
    await expect(users.createFirstAdmin({ email: email(), passwordHash: 'h' })).rejects.toEqual(
      new UserExistsError('setup_done'),
    );
  });
});

describe('sessions', () => {
  test('find returns the user and first workspace until the session expires or is removed', async () => {
    const user = await users.create({ email: email(), passwordHash: 'h', role: 'admin', workspace: { newName: 'S' } });
    const id = randomBytes(32).toString('hex');
    const expiresAt = new Date(Date.now() + 60_000);
    await sessions.create({ id, userId: user.id, csrfToken: 'c', expiresAt });
    expect(await sessions.find(id)).toMatchObject({
      csrfToken: 'c',
      user: { id: user.id, email: user.email },
      workspace: { name: 'S', role: 'admin' },
    });
    expect(await sessions.find(id, new Date(expiresAt.getTime() + 1))).toBeNull();
    expect(await sessions.find('nope')).toBeNull();
    await sessions.remove(id);
    expect(await sessions.find(id)).toBeNull();
  });

  test('removeExpired deletes only sessions past their time', async () => {
    const user = await users.create({ email: email(), passwordHash: 'h', role: 'admin', workspace: { newName: 'E' } });
    const old = randomBytes(8).toString('hex');
    const fresh = randomBytes(8).toString('hex');
    await sessions.create({ id: old, userId: user.id, csrfToken: 'c', expiresAt: new Date(Date.now() - 1000) });
    await sessions.create({ id: fresh, userId: user.id, csrfToken: 'c', expiresAt: new Date(Date.now() + 60_000) });
    expect(await sessions.removeExpired()).toBeGreaterThanOrEqual(1);
    const left = await getDb().session.findMany({ where: { id: { in: [old, fresh] } }, select: { id: true } });
    expect(left).toEqual([{ id: fresh }]);
  });
});
