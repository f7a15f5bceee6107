import { afterAll, describe, expect, test } from 'vitest';
import { allowlist, audit, closeDb, forWorkspace, NotFoundError, users, workspaces } from '../src/index';
import { validSpec } from './fixtures';

afterAll(closeDb);

describe('repositories scoped to a workspace', () => {
  test("another workspace's flows, versions and calls are NotFound, exactly like missing ones", async () => {
    const mine = forWorkspace((await workspaces.create('Mine')).id);
    const theirs = forWorkspace((await workspaces.create('Theirs')).id);
    const flow = await mine.flows.create(validSpec('Private'));
    const version = await mine.versions.publish(flow.id, 'v1');
    const call = await mine.calls.create({ flowVersionId: version.id, mode: 'local' });

    expect((await mine.flows.list()).map((f) => f.id)).toEqual([flow.id]);
    expect(await theirs.flows.list()).toEqual([]);
    const attempts: (() => Promise<unknown>)[] = [
      () => theirs.flows.get(flow.id),
      () => theirs.flows.updateDraft(flow.id, validSpec('Hijack'), 1),
      () => theirs.flows.duplicate(flow.id),
      () => theirs.flows.remove(flow.id),
      () => theirs.versions.publish(flow.id, ''),
      () => theirs.versions.snapshot(flow.id),
      () => theirs.versions.list(flow.id),
      () => theirs.versions.get(flow.id, 1),
      () => theirs.versions.getById(version.id),
      () => theirs.versions.live(flow.id),
      () => theirs.versions.rollback(flow.id, 1),
      () => theirs.versions.restore(flow.id, 1, 1),
      () => theirs.calls.create({ flowVersionId: version.id, mode: 'local' }),
      () => theirs.calls.get(call.id),
      () => theirs.calls.listByFlow(flow.id),
    ];
    for (const attempt of attempts) await expect(attempt()).rejects.toBeInstanceOf(NotFoundError);

    // Nothing changed on the owner's side.
    expect(await mine.flows.get(flow.id)).toMatchObject({ name: 'Private', revision: 1 });
    expect(await mine.versions.list(flow.id)).toHaveLength(1);
    expect((await mine.calls.get(call.id)).id).toBe(call.id);
    expect(await mine.calls.countOpen()).toBe(1);
    expect(await theirs.calls.countOpen()).toBe(0);
  });

  test('duplicate stays in the workspace of the original', async () => {
    const workspace = await workspaces.create('Dup');
    const scoped = forWorkspace(workspace.id);
    const copy = await scoped.flows.duplicate((await scoped.flows.create(validSpec('Orig'))).id);
    expect(copy.workspaceId).toBe(workspace.id);
  });
});

describe('allow-list and audit log', () => {
  test('allow-list entries are validated, stored canonical, per workspace', async () => {
    const a = (await workspaces.create('A')).id;
    const b = (await workspaces.create('B')).id;
    expect(await allowlist.add(a, 'Hooks.Internal')).toBe('hooks.internal');
    expect(await allowlist.add(a, '10.0.0.0/8')).toBe('10.0.0.0/8');
    expect(await allowlist.add(a, '127.0.0.1')).toBe('127.0.0.1/32');
    await allowlist.add(a, '127.0.0.1/32');
    await expect(allowlist.add(a, 'http://x/')).rejects.toThrow(RangeError);
    expect(await allowlist.entries(a)).toEqual(['10.0.0.0/8', '127.0.0.1/32', 'hooks.internal']);
    expect(await allowlist.entries(b)).toEqual([]);
    await allowlist.remove(a, '127.0.0.1');
    await expect(allowlist.remove(b, '10.0.0.0/8')).rejects.toBeInstanceOf(NotFoundError);
    expect(await allowlist.entries(a)).toEqual(['10.0.0.0/8', 'hooks.internal']);
  });

  test('audit entries are listed newest first with who did it, per workspace', async () => {
    const user = await users.create({
      email: `audit-${Date.now()}@example.com`,
      passwordHash: 'h',
      role: 'admin',
      workspace: { newName: 'Audited' },
    });
    const workspaceId = (await workspaces.ofUser(user.id))[0]?.workspace.id as string;
    const flowId = '00000000-0000-4000-8000-000000000001';
    await audit.record({ workspaceId, userId: user.id, action: 'publish', flowId, details: { note: 'v1' } });
    await audit.record({ workspaceId, userId: user.id, action: 'secret_set', target: 'TOKEN' });
    const entries = await audit.list(workspaceId);
    expect(entries.map((e) => e.action)).toEqual(['secret_set', 'publish']);
    expect(entries[1]).toMatchObject({ userEmail: user.email, flowId, details: { note: 'v1' } });
    expect(await audit.list((await workspaces.create('Quiet')).id)).toEqual([]);
  });
});
