import { CallCloseCode } from '@parley/calls';
import { callEvents, calls, type VersionRecord } from '@parley/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { speechWav } from '../../../../packages/engine/test/support';
import { CallClient } from '../support/call-client';
import { localCall, publishReceptionist } from '../support/flows';
import { startTestRuntime, type TestRuntime } from '../support/test-runtime';

let runtime: TestRuntime;
let version: VersionRecord;
let client: CallClient | null = null;

beforeAll(async () => {
  runtime = await startTestRuntime();
  version = await publishReceptionist();
}, 60_000);

afterAll(async () => {
  client?.close();
  await runtime?.drain();
});

/** Seconds of audio in the frames received. */
function seconds(frames: { sampleRate: number; samples: Int16Array }[]): number {
  return frames.reduce((sum, f) => sum + f.samples.length / f.sampleRate, 0);
}

describe('a local-mode call, end to end', () => {
  it('a spoken question about a bill reaches billing, and the call is recorded in Postgres', async () => {
    const speech = await speechWav('I have a question about my bill');
    const { call, token } = await localCall(version);
    client = new CallClient(runtime.callUrl(call.id, token));
    const caller = client;
    expect(await caller.event('session_started')).toMatchObject({ agentId: 'reception' });

    // The greeting plays first, paced at real time: its frames arrive over about its own length.
    await caller.waitFor(
      'the greeting to finish',
      () =>
        caller.events.some((e) => e.type === 'assistant_message') &&
        caller.events.at(-1)?.type === 'agent_state' &&
        (caller.events.at(-1) as { state: string }).state === 'listening',
    );
    const greeting = [...caller.audio];
    expect(greeting.length).toBeGreaterThan(10);
    expect(new Set(greeting.map((f) => f.sampleRate))).toEqual(new Set([22050]));
    const span = ((greeting.at(-1)?.at ?? 0) - (greeting[0]?.at ?? 0)) / 1000;
    expect(span).toBeGreaterThan(seconds(greeting) - 0.5);

    await caller.stream(speech.samples);
    const transcript = await caller.event('transcript');
    expect(transcript).toMatchObject({ role: 'user', source: 'speech' });
    await caller.waitFor('a final transcript', () =>
      caller.events.some((e) => e.type === 'transcript' && e.final && /bill/.test(e.text)),
    );
    expect(await caller.event('handoff')).toMatchObject({
      from: 'reception',
      to: 'billing',
      edgeId: 'reception-billing',
    });
    await caller.waitFor('billing to greet', () =>
      caller.events.some((e) => e.type === 'assistant_message' && e.agentId === 'billing'),
    );
    expect(seconds(caller.audio)).toBeGreaterThan(seconds(greeting) + 1);

    caller.sendJson({ type: 'end_call' });
    expect(await caller.closed).toEqual({ code: CallCloseCode.ended, reason: 'call ended' });
    const record = await calls.get(call.id);
    expect(record).toMatchObject({ status: 'ended', failureReason: null });
    expect(record.startedAt).toBeInstanceOf(Date);

    const stored = await callEvents.list(call.id);
    expect(stored.map((e) => e.seq)).toEqual(stored.map((_, i) => i));
    expect(stored.map((e) => e.type)).toEqual(caller.events.map((e) => e.type));
    expect(stored.at(-1)).toMatchObject({ type: 'session_ended', payload: { reason: 'user_hangup' } });
    const kept = await callEvents.list(call.id, { types: ['transcript', 'handoff', 'metrics'] });
    expect(kept.find((e) => e.type === 'transcript')?.payload).toMatchObject({
      role: 'user',
      final: expect.any(Boolean),
    });
    expect(kept.find((e) => e.type === 'handoff')?.payload).toEqual({
      from: 'reception',
      to: 'billing',
      edgeId: 'reception-billing',
      reason: expect.any(String),
    });
    const metrics = kept.find((e) => e.type === 'metrics')?.payload as { metrics: { engineOverhead: number | null } };
    expect(metrics.metrics).toMatchObject({ agentId: 'reception', engineOverhead: expect.any(Number) });
    expect((await callEvents.list(call.id, { types: ['vad'] })).length).toBeGreaterThan(10);
  });
});
