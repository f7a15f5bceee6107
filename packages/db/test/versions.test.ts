import { afterAll, describe, expect, test } from 'vitest';
import { closeDb, flows, InvalidFlowError, NotFoundError, RevisionConflictError, versions } from '../src/index';
import { invalidSpec, testWorkspace, validSpec } from './fixtures';

afterAll(closeDb);

describe('versions', () => {
  test('publish stores the draft as version 1, live, and the flow points at it', async () => {
    const flow = await flows.create(validSpec('Publish me'), await testWorkspace());
    const version = await versions.publish(flow.id, 'first release');
    expect(version).toMatchObject({ flowId: flow.id, number: 1, kind: 'published', note: 'first release', live: true });
    expect(version.spec).toEqual(flow.draft);
    expect((await flows.get(flow.id)).liveVersionId).toBe(version.id);
    expect(await versions.live(flow.id)).toEqual(version);
    expect(await versions.get(flow.id, 1)).toEqual(version);
    expect(await versions.getById(version.id)).toEqual(version);
  });

  test('publishing an invalid draft throws InvalidFlowError with the issues and stores nothing', async () => {
    const flow = await flows.create(invalidSpec(), await testWorkspace());
    const error = await versions.publish(flow.id, 'nope').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidFlowError);
    expect((error as InvalidFlowError).issues.map((i) => i.code)).toContain('entry_unknown');
    await expect(versions.snapshot(flow.id)).rejects.toBeInstanceOf(InvalidFlowError);
    expect(await versions.list(flow.id)).toEqual([]);
    expect((await flows.get(flow.id)).liveVersionId).toBeNull();
    // The refused attempts consumed no number.
    await flows.updateDraft(flow.id, validSpec(), 1);
    expect((await versions.publish(flow.id, 'fixed')).number).toBe(1);
  });

  test('20 concurrent publishes get the distinct numbers 1..20', async () => {
    const flow = await flows.create(validSpec('Busy'), await testWorkspace());
    const published = await Promise.all(Array.from({ length: 20 }, (_, i) => versions.publish(flow.id, `n${i}`)));
    const numbers = published.map((v) => v.number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const live = await versions.live(flow.id);
    expect(live.number).toBe(20);
    expect((await versions.list(flow.id)).filter((v) => v.live).map((v) => v.number)).toEqual([20]);
  });

  test('snapshots share the numbering but are never live', async () => {
    const flow = await flows.create(validSpec('Tested'), await testWorkspace());
    const published = await versions.publish(flow.id, 'v1');
    const snapshot = await versions.snapshot(flow.id, 'test call');
    expect(snapshot).toMatchObject({ number: 2, kind: 'snapshot', live: false, note: 'test call' });
    expect((await versions.live(flow.id)).id).toBe(published.id);
    expect((await versions.snapshot(flow.id)).note).toBe('');
  });

  test('list is newest first and marks the live version', async () => {
    const flow = await flows.create(validSpec('Listed'), await testWorkspace());
    await versions.publish(flow.id, 'v1');
    await versions.snapshot(flow.id);
    await versions.publish(flow.id, 'v3');
    const listed = await versions.list(flow.id);
    expect(listed.map((v) => [v.number, v.kind, v.live])).toEqual([
      [3, 'published', true],
      [2, 'snapshot', false],
      [1, 'published', false],
    ]);
    expect(listed[0]).not.toHaveProperty('spec');
  });

  test('missing flows, numbers and versions throw NotFoundError', async () => {
    const flow = await flows.create(validSpec('Empty'), await testWorkspace());
    await expect(versions.live(flow.id)).rejects.toThrow(`Live version of flow ${flow.id} not found`);
    await expect(versions.get(flow.id, 7)).rejects.toThrow(`Version 7 of flow ${flow.id} not found`);
    await expect(versions.getById('not-a-uuid')).rejects.toBeInstanceOf(NotFoundError);
    await expect(versions.list('00000000-0000-4000-8000-000000000000')).rejects.toBeInstanceOf(NotFoundError);
    await expect(versions.publish('00000000-0000-4000-8000-000000000000', 'x')).rejects.toBeInstanceOf(NotFoundError);
  });

  test('rollback makes an older published version live again and leaves the draft alone', async () => {
    const flow = await flows.create(validSpec('Rollback', 'One.'), await testWorkspace());
    const v1 = await versions.publish(flow.id, 'v1');
    const saved = await flows.updateDraft(flow.id, validSpec('Rollback', 'Two.'), 1);
    await versions.publish(flow.id, 'v2');
    const snapshot = await versions.snapshot(flow.id);

    const rolled = await versions.rollback(flow.id, 1);
    expect(rolled.liveVersionId).toBe(v1.id);
    expect(rolled.revision).toBe(saved.revision);
    expect(rolled.draft).toEqual(saved.draft);
    expect((await versions.live(flow.id)).spec.agents[0]?.instructions).toBe('One.');

    await expect(versions.rollback(flow.id, snapshot.number)).rejects.toBeInstanceOf(NotFoundError);
    expect((await versions.live(flow.id)).id).toBe(v1.id);
  });

  test('restore copies a version into the draft as a new revision, refusing a stale base', async () => {
    const flow = await flows.create(validSpec('Restore', 'Old words.'), await testWorkspace());
    await versions.publish(flow.id, 'v1');
    await flows.updateDraft(flow.id, validSpec('Restore', 'New words.'), 1);

    await expect(versions.restore(flow.id, 1, 1)).rejects.toBeInstanceOf(RevisionConflictError);
    expect((await flows.get(flow.id)).draft.agents[0]?.instructions).toBe('New words.');

    const restored = await versions.restore(flow.id, 1, 2);
    expect(restored.revision).toBe(3);
    expect(restored.draft.agents[0]?.instructions).toBe('Old words.');
    expect((await versions.live(flow.id)).number).toBe(1);
  });
});
