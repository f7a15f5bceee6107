import { callEvents, calls } from '@parley/db';
import type { SessionEvent } from '@parley/engine';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log';
import { CallRecorder } from '../../src/records/call-recorder';
import { publishReceptionist } from '../support/flows';

async function newCall(): Promise<string> {
  const version = await publishReceptionist({ typedOnly: true });
  return (await calls.create({ flowVersionId: version.id, mode: 'local' })).id;
}

const vad = (t: number): SessionEvent => ({ type: 'vad', probability: t / 1000, t });

describe('CallRecorder', () => {
  it('writes events in order, a batch as soon as it holds maxBatch events, the rest on flush', async () => {
    const callId = await newCall();
    const recorder = new CallRecorder(
      callId,
      createLogger({}, () => {}),
      { maxBatch: 100, intervalMs: 60_000 },
    );
    for (let i = 0; i < 250; i++) recorder.add(vad(i));
    await expect.poll(async () => (await callEvents.list(callId)).length, { timeout: 10_000 }).toBe(200);
    recorder.add({ type: 'handoff', from: 'reception', to: 'billing', edgeId: 'e1', reason: 'bill', t: 300 });
    await recorder.flush();
    const stored = await callEvents.list(callId);
    expect(stored).toHaveLength(251);
    expect(stored.map((e) => e.seq)).toEqual(stored.map((_, i) => i));
    expect(stored[7]).toEqual({ seq: 7, type: 'vad', t: 7, payload: { probability: 0.007 } });
    expect(await callEvents.list(callId, { types: ['handoff'] })).toEqual([
      {
        seq: 250,
        type: 'handoff',
        t: 300,
        payload: { from: 'reception', to: 'billing', edgeId: 'e1', reason: 'bill' },
      },
    ]);
  });

  it('writes a small batch after intervalMs without being asked', async () => {
    const callId = await newCall();
    const recorder = new CallRecorder(
      callId,
      createLogger({}, () => {}),
      { intervalMs: 50 },
    );
    recorder.add(vad(1));
    await expect.poll(async () => (await callEvents.list(callId)).length).toBe(1);
  });

  it('logs (with the call id) and counts events it could not store (no such call: no retry), and goes on', async () => {
    const lines: Record<string, unknown>[] = [];
    const log = createLogger({ callId: 'no-such-call' }, (line) => lines.push(JSON.parse(line)));
    const recorder = new CallRecorder('00000000-0000-4000-8000-000000000000', log);
    recorder.add(vad(1));
    recorder.add(vad(2));
    await recorder.close(1000);
    expect(recorder.droppedEvents).toBe(2);
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'error',
        callId: 'no-such-call',
        message: 'call events could not be stored',
        count: 2,
      }),
    ]);
  });
});
