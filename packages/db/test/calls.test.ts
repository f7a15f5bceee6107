import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { callEvents, calls, closeDb, flows, NotFoundError, type VersionRecord, versions } from '../src/index';
import { testWorkspace, validSpec } from './fixtures';

afterAll(closeDb);

let version: VersionRecord;

beforeAll(async () => {
  const flow = await flows.create(validSpec('Calls'), await testWorkspace());
  version = await versions.publish(flow.id, 'v1');
});

describe('calls', () => {
  test('a call starts pending on a version and records the flow and version number', async () => {
    const call = await calls.create({ flowVersionId: version.id, mode: 'livekit', room: 'room-1' });
    expect(call).toMatchObject({
      flowVersionId: version.id,
      flowId: version.flowId,
      versionNumber: 1,
      mode: 'livekit',
      room: 'room-1',
      status: 'pending',
      startedAt: null,
      endedAt: null,
      failureReason: null,
    });
    expect(await calls.get(call.id)).toEqual(call);
    expect((await calls.create({ flowVersionId: version.id, mode: 'local' })).room).toBeNull();
  });

  test('lifecycle: pending -> active -> ended stamps the times; later reports change nothing', async () => {
    const call = await calls.create({ flowVersionId: version.id, mode: 'local' });
    const active = await calls.markActive(call.id);
    expect(active.status).toBe('active');
    expect(active.startedAt).toBeInstanceOf(Date);
    const ended = await calls.markEnded(call.id);
    expect(ended.status).toBe('ended');
    expect(ended.endedAt?.getTime()).toBeGreaterThanOrEqual(active.startedAt?.getTime() ?? 0);
    expect(await calls.markFailed(call.id, 'too late')).toEqual(ended);
    expect(await calls.markActive(call.id)).toEqual(ended);
  });

  test('markFailed records the reason once; repeating it keeps the first outcome', async () => {
    const call = await calls.create({ flowVersionId: version.id, mode: 'local' });
    await calls.markActive(call.id);
    const failed = await calls.markFailed(call.id, 'worker crashed');
    expect(failed).toMatchObject({ status: 'failed', failureReason: 'worker crashed' });
    expect(failed.endedAt).toBeInstanceOf(Date);
    expect(await calls.markFailed(call.id, 'again')).toEqual(failed);
    expect(await calls.markEnded(call.id)).toEqual(failed);
  });

  test("listByFlow returns the flow's calls across versions, newest first", async () => {
    const flow = await flows.create(validSpec('Listing calls'), await testWorkspace());
    const v1 = await versions.publish(flow.id, 'v1');
    const v2 = await versions.snapshot(flow.id);
    const first = await calls.create({ flowVersionId: v1.id, mode: 'local' });
    const second = await calls.create({ flowVersionId: v2.id, mode: 'local' });
    const listed = await calls.listByFlow(flow.id);
    expect(listed.map((c) => c.id)).toEqual([second.id, first.id]);
    expect(listed.map((c) => c.versionNumber)).toEqual([2, 1]);
  });

  test('unknown calls and versions throw NotFoundError', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    await expect(calls.get(missing)).rejects.toThrow(`Call ${missing} not found`);
    await expect(calls.markActive(missing)).rejects.toBeInstanceOf(NotFoundError);
    await expect(calls.create({ flowVersionId: missing, mode: 'local' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(callEvents.append(missing, [{ seq: 1, type: 'x', t: 0, payload: {} }])).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  test('deleting the flow deletes its calls and their events', async () => {
    const flow = await flows.create(validSpec('Cascade'), await testWorkspace());
    const v1 = await versions.publish(flow.id, 'v1');
    const call = await calls.create({ flowVersionId: v1.id, mode: 'local' });
    await callEvents.append(call.id, [{ seq: 1, type: 'speech_start', t: 5, payload: {} }]);
    await flows.remove(flow.id);
    await expect(calls.get(call.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await callEvents.list(call.id)).toEqual([]);
  });
});

describe('call events', () => {
  test('append keeps every event; list returns them by seq, optionally filtered by type', async () => {
    const call = await calls.create({ flowVersionId: version.id, mode: 'local' });
    await callEvents.append(call.id, [
      { seq: 3, type: 'transcript_final', t: 900, payload: { text: 'hello', words: [1, 2] } },
      { seq: 1, type: 'speech_start', t: 100, payload: { probability: 0.9 } },
      { seq: 2, type: 'speech_stop', t: 700, payload: null },
    ]);
    await callEvents.append(call.id, [{ seq: 4, type: 'speech_start', t: 1500, payload: 'plain' }]);
    await callEvents.append(call.id, []);

    expect(await callEvents.list(call.id)).toEqual([
      { seq: 1, type: 'speech_start', t: 100, payload: { probability: 0.9 } },
      { seq: 2, type: 'speech_stop', t: 700, payload: null },
      { seq: 3, type: 'transcript_final', t: 900, payload: { text: 'hello', words: [1, 2] } },
      { seq: 4, type: 'speech_start', t: 1500, payload: 'plain' },
    ]);
    const starts = await callEvents.list(call.id, { types: ['speech_start'] });
    expect(starts.map((e) => e.seq)).toEqual([1, 4]);
  });

  test('a batch reusing a seq is rejected whole', async () => {
    const call = await calls.create({ flowVersionId: version.id, mode: 'local' });
    await callEvents.append(call.id, [{ seq: 1, type: 'a', t: 0, payload: {} }]);
    await expect(
      callEvents.append(call.id, [
        { seq: 2, type: 'b', t: 1, payload: {} },
        { seq: 1, type: 'c', t: 2, payload: {} },
      ]),
    ).rejects.toThrow(`Call ${call.id} already has an event with seq`);
    expect((await callEvents.list(call.id)).map((e) => e.type)).toEqual(['a']);
  });
});
