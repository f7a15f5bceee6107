import { afterAll, describe, expect, test } from 'vitest';
import { closeDb, flows, InvalidFlowError, NotFoundError, RevisionConflictError, versions } from '../src/index';
import { invalidSpec, testWorkspace, validSpec } from './fixtures';

afterAll(closeDb);

const missingId = '00000000-0000-4000-8000-000000000000';

describe('flows', () => {
  test('create stores the parsed draft at revision 1 with its name', async () => {
    const created = await flows.create(validSpec('Front desk'), await testWorkspace());
    expect(created).toMatchObject({ name: 'Front desk', revision: 1, liveVersionId: null });
    expect(created.draft).toEqual(validSpec('Front desk'));
    expect(await flows.get(created.id)).toEqual(created);
  });

  test('a draft with validation errors can be saved; one without the FlowSpec shape cannot', async () => {
    const draft = await flows.create(invalidSpec('Work in progress'), await testWorkspace());
    expect(draft.draft.entryAgentId).toBe('nobody');
    const shapeless = { ...validSpec(), name: '' };
    const error = await flows.create(shapeless, await testWorkspace()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidFlowError);
    expect((error as InvalidFlowError).issues[0]?.code).toBe('schema_invalid');
  });

  test('get, updateDraft and remove of an unknown id throw NotFoundError naming it', async () => {
    await expect(flows.get(missingId)).rejects.toThrow(new NotFoundError(`Flow ${missingId}`));
    await expect(flows.get('123')).rejects.toThrow('Flow 123 not found');
    await expect(flows.updateDraft(missingId, validSpec(), 1)).rejects.toBeInstanceOf(NotFoundError);
    await expect(flows.remove(missingId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(flows.duplicate(missingId)).rejects.toBeInstanceOf(NotFoundError);
  });

  test('updateDraft bumps the revision and keeps the name in sync with the draft', async () => {
    const flow = await flows.create(validSpec('Before'), await testWorkspace());
    const updated = await flows.updateDraft(flow.id, validSpec('After', 'Say hi.'), 1);
    expect(updated.revision).toBe(2);
    expect(updated.name).toBe('After');
    expect(updated.draft.agents[0]?.instructions).toBe('Say hi.');
    const listed = (await flows.list(await testWorkspace())).find((f) => f.id === flow.id);
    expect(listed?.name).toBe('After');
  });

  test('a stale revision is refused with the current revision and leaves the draft untouched', async () => {
    const flow = await flows.create(validSpec('Stale'), await testWorkspace());
    await flows.updateDraft(flow.id, validSpec('Stale', 'First save.'), 1);
    const error = await flows.updateDraft(flow.id, validSpec('Stale', 'Lost save.'), 1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RevisionConflictError);
    expect((error as RevisionConflictError).currentRevision).toBe(2);
    const stored = await flows.get(flow.id);
    expect(stored.revision).toBe(2);
    expect(stored.draft.agents[0]?.instructions).toBe('First save.');
  });

  test('20 concurrent saves from the same revision: exactly one wins and its draft is stored', async () => {
    const flow = await flows.create(validSpec('Race'), await testWorkspace());
    const attempts = Array.from({ length: 20 }, (_, i) => validSpec('Race', `Writer ${i}`));
    const results = await Promise.allSettled(attempts.map((spec) => flows.updateDraft(flow.id, spec, 1)));
    const winners = results.filter((r) => r.status === 'fulfilled');
    const losers = results.filter((r) => r.status === 'rejected');
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(19);
    for (const loser of losers) expect(loser.reason).toBeInstanceOf(RevisionConflictError);
    const winner = (winners[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof flows.get>>>).value;
    const stored = await flows.get(flow.id);
    expect(stored.revision).toBe(2);
    expect(stored.draft).toEqual(winner.draft);
  });

  test('list shows newest updated first, with live version and published-only counts', async () => {
    const older = await flows.create(validSpec('Older'), await testWorkspace());
    const newer = await flows.create(validSpec('Newer'), await testWorkspace());
    await versions.publish(older.id, 'v1');
    await versions.snapshot(older.id);
    await versions.publish(older.id, 'v2');
    const listed = await flows.list(await testWorkspace());
    const ids = listed.map((f) => f.id);
    // Publishing touched `older` last, so it now sorts before `newer`.
    expect(ids.indexOf(older.id)).toBeLessThan(ids.indexOf(newer.id));
    const summary = listed.find((f) => f.id === older.id);
    expect(summary).toMatchObject({ name: 'Older', versionCount: 2, liveVersion: { number: 3 } });
    expect(listed.find((f) => f.id === newer.id)).toMatchObject({ versionCount: 0, liveVersion: null });
    for (let i = 1; i < listed.length; i++) {
      expect(listed[i - 1]?.updatedAt.getTime()).toBeGreaterThanOrEqual(listed[i]?.updatedAt.getTime() ?? 0);
    }
  });

  test('duplicate copies the draft under a new name, without versions', async () => {
    const source = await flows.create(validSpec('Original'), await testWorkspace());
    await versions.publish(source.id, 'v1');
    const copy = await flows.duplicate(source.id);
    expect(copy.id).not.toBe(source.id);
    expect(copy).toMatchObject({ name: 'Original (copy)', revision: 1, liveVersionId: null });
    expect(copy.draft).toEqual({ ...source.draft, name: 'Original (copy)' });
    expect((await flows.duplicate(source.id, 'Named')).draft.name).toBe('Named');
  });

  test('remove deletes the flow with its versions', async () => {
    const flow = await flows.create(validSpec('Doomed'), await testWorkspace());
    const version = await versions.publish(flow.id, 'v1');
    await flows.remove(flow.id);
    await expect(flows.get(flow.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(versions.getById(version.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});
