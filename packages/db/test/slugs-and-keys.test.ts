import { afterAll, describe, expect, test } from 'vitest';
import { apiKeys, calls, closeDb, flows, NotFoundError, SlugError, slugs, versions, workspaces } from '../src/index';
import { validSpec } from './fixtures';

const newWorkspace = async () => (await workspaces.create('Slugs and keys')).id;

afterAll(closeDb);

describe('slugs', () => {
  test('a flow slug is unique in its workspace, found by workspace and flow slug, and checked', async () => {
    const workspaceId = await newWorkspace();
    const a = await flows.create(validSpec('A'), workspaceId);
    const b = await flows.create(validSpec('B'), workspaceId);
    const workspaceSlug = `ws-${workspaceId.slice(0, 8)}`;
    await slugs.setWorkspaceSlug(workspaceId, workspaceSlug);
    await slugs.setFlowSlug(a.id, 'claims-line');
    await expect(slugs.setFlowSlug(b.id, 'claims-line')).rejects.toThrow(SlugError);
    await expect(slugs.setFlowSlug(b.id, 'Claims Line')).rejects.toThrow(/lowercase letters, digits and dashes/);
    expect(await slugs.findFlow(workspaceSlug, 'claims-line')).toEqual({ flowId: a.id, workspaceId });
    expect(await slugs.flowIdOf(workspaceId, 'claims-line')).toBe(a.id);
    expect(await slugs.flowIdOf(workspaceId, b.id)).toBe(b.id);
    expect((await flows.get(a.id)).slug).toBe('claims-line');
    await expect(slugs.flowIdOf(await newWorkspace(), 'claims-line')).rejects.toThrow(NotFoundError);
    await slugs.setFlowSlug(a.id, null);
    await expect(slugs.findFlow(workspaceSlug, 'claims-line')).rejects.toThrow(NotFoundError);
  });

  test('a call records how it came in and the variables it was given', async () => {
    const flow = await flows.create(validSpec('Sourced'), await newWorkspace());
    const version = await versions.publish(flow.id, 'v1');
    const call = await calls.create({
      flowVersionId: version.id,
      mode: 'livekit',
      room: 'r',
      source: 'sip',
      callerIdentity: 'sip_+15550100',
      variables: { caller: '+15550100' },
    });
    expect(await calls.get(call.id)).toMatchObject({
      source: 'sip',
      callerIdentity: 'sip_+15550100',
      variables: { caller: '+15550100' },
    });
    expect((await calls.create({ flowVersionId: version.id, mode: 'local' })).source).toBe('test');
  });
});

describe('api keys', () => {
  test('a key is shown once, stored hashed, verified by kind, stamped when used, and revoked', async () => {
    const workspaceId = await newWorkspace();
    const { key, record } = await apiKeys.create({ workspaceId, name: 'backend', kind: 'secret', flowIds: [] });
    expect(key.startsWith(record.prefix)).toBe(true);
    expect(JSON.stringify(await apiKeys.list(workspaceId))).not.toContain(key);
    expect(await apiKeys.verify(key, 'publishable')).toBeNull();
    const used = await apiKeys.verify(key, 'secret');
    expect(used?.id).toBe(record.id);
    expect(used?.lastUsedAt).toBeInstanceOf(Date);
    expect(await apiKeys.verify(`${key}x`, 'secret')).toBeNull();
    await expect(apiKeys.revoke(await newWorkspace(), record.id)).rejects.toThrow(NotFoundError);
    expect((await apiKeys.revoke(workspaceId, record.id)).revokedAt).toBeInstanceOf(Date);
    expect(await apiKeys.verify(key, 'secret')).toBeNull();
  });
});
