import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signCallToken, signRecordingToken } from '@parley/calls';
import { calls, type VersionRecord } from '@parley/db';
import type { SessionEvent } from '@parley/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { speechWav } from '../../../../packages/engine/test/support';
import { FsRecordingStore } from '../../src/recordings/fs-recording-store';
import { parseTimeline, type TimelineLine } from '../../src/recordings/timeline';
import { CallClient } from '../support/call-client';
import { publishReceptionist, publishTalker, TEST_SECRET } from '../support/flows';
import { startTestRuntime, type TestRuntime } from '../support/test-runtime';

/** A sample this loud (about -36 dBFS) counts as sound. */
const loud = 500;

let runtime: TestRuntime;
/** The first test's call, replayed and deleted through the runtime's HTTP routes by the last. */
let answeredCallId = '';
let dir: string;
let store: FsRecordingStore;
const clients: CallClient[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'parley-recorded-calls-'));
  store = new FsRecordingStore(dir);
  runtime = await startTestRuntime({ recordings: { store: { kind: 'fs', dir }, flushMs: 200, sweepMs: 3_600_000 } });
}, 60_000);

afterAll(async () => {
  for (const client of clients) client.close();
  await runtime?.drain();
  await rm(dir, { recursive: true, force: true });
});

async function recordedCall(version: VersionRecord): Promise<{ callId: string; client: CallClient }> {
  const call = await calls.create({ flowVersionId: version.id, mode: 'local', record: true });
  expect(call.recorded).toBe(true);
  const token = signCallToken(TEST_SECRET, { callId: call.id, flowVersionId: version.id });
  const client = new CallClient(runtime.callUrl(call.id, token));
  clients.push(client);
  return { callId: call.id, client };
}

async function readRecording(callId: string) {
  const pcm = async (file: 'caller.pcm' | 'agent.pcm') => {
    const bytes = (await store.read(callId, file)) ?? new Uint8Array(0);
    return new Int16Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 2);
  };
  const timeline = parseTimeline(
    new TextDecoder().decode((await store.read(callId, 'timeline.jsonl')) ?? new Uint8Array()),
  );
  return { caller: await pcm('caller.pcm'), agent: await pcm('agent.pcm'), timeline };
}

const firstLoud = (samples: Int16Array, from = 0) => {
  for (let i = Math.max(0, from); i < samples.length; i++) if (Math.abs(samples[i] as number) > loud) return i;
  return -1;
};
const events = (timeline: TimelineLine[]) =>
  timeline.flatMap((line): SessionEvent[] => (line.kind === 'event' ? [line.event] : []));

describe('a recorded local call', () => {
  it('stores both tracks and the timeline, lined up: each utterance sounds within 40 ms of its playback start', async () => {
    const version = await publishReceptionist();
    const { callId, client } = await recordedCall(version);
    answeredCallId = callId;
    await client.waitFor('the greeting to finish', () =>
      client.events.some((e) => e.type === 'agent_state' && e.state === 'listening'),
    );
    await client.stream((await speechWav('I have a question about my bill')).samples);
    await client.waitFor('billing to answer', () =>
      client.events.some((e) => e.type === 'assistant_message' && e.agentId === 'billing'),
    );
    client.sendJson({ type: 'end_call' });
    await client.closed;

    // What the caller's browser received, as an independent reference: espeak's lead-in before its first loud sample.
    const first = client.audio[0]!;
    const leadInMs = (firstLoud(first.samples) / first.sampleRate) * 1000;
    expect(leadInMs).toBeGreaterThanOrEqual(0);

    const { caller, agent, timeline } = await readRecording(callId);
    expect(timeline[0]).toMatchObject({ kind: 'meta', version: 1, rate: 16000 });
    expect(events(timeline).map((e) => e.type)).toEqual(client.events.map((e) => e.type));
    const callerStart = timeline.find((l) => l.kind === 'caller_start');
    expect(callerStart).toBeDefined();
    // The caller's track holds the question (plus line silence), at 16 kHz.
    expect(caller.length / 16000).toBeGreaterThan(2);
    expect(firstLoud(caller)).toBeGreaterThan(0);

    // The answers to the caller (the greeting plays while the fresh call process may still stall
    // briefly, which the caller hears as a gap: measured separately, not here).
    const asked = events(timeline).find((e) => e.type === 'user_speech_started')!.t;
    const starts = events(timeline).filter((e) => e.type === 'agent_state' && e.state === 'speaking' && e.t > asked);
    const spans = timeline.filter((l) => l.kind === 'agent_speech');
    expect(starts.length).toBeGreaterThanOrEqual(1); // billing's answer
    // Every utterance has its span (a reply may be several utterances; state events mark only the first).
    expect(spans.length).toBeGreaterThanOrEqual(starts.length);
    for (const start of starts) {
      const span = spans.find((l) => l.kind === 'agent_speech' && Math.abs(l.startMs - start.t) <= 40);
      expect(
        span,
        `a span starting with the utterance at ${start.t} ms; spans: ${JSON.stringify(spans)}`,
      ).toBeDefined();
    }
    for (const start of starts) {
      const soundAt = (firstLoud(agent, Math.round(((start.t - 100) * 16000) / 1000)) / 16000) * 1000;
      expect(Math.abs(soundAt - (start.t + leadInMs)), `utterance starting at ${start.t} ms`).toBeLessThanOrEqual(40);
    }
    // Silence before the first utterance: nothing loud in the agent track before the greeting starts.
    const greeting = events(timeline).find((e) => e.type === 'agent_state' && e.state === 'speaking')!;
    expect((firstLoud(agent) / 16000) * 1000).toBeGreaterThanOrEqual(greeting.t);
  });

  it('a call process that crashes mid-call keeps what was recorded so far', async () => {
    const { callId, client } = await recordedCall(await publishTalker());
    await client.waitFor('two seconds of the monologue', () => client.audio.length >= 100);
    const pid = runtime.supervisor.get(callId)?.pid;
    expect(pid).toEqual(expect.any(Number));
    // Let at least one flush (every 200 ms) reach the store, then kill the process outright.
    await client.waitFor('more audio', () => client.audio.length >= 130);
    process.kill(pid as number, 'SIGKILL');
    await client.closed;
    const { agent, timeline } = await readRecording(callId);
    expect(timeline[0]).toMatchObject({ kind: 'meta' });
    expect(events(timeline).some((e) => e.type === 'session_started')).toBe(true);
    expect(agent.length / 16000).toBeGreaterThan(1);
    expect(firstLoud(agent)).toBeGreaterThan(0);
  });

  it('replays a set of calls with one set of overrides: per-call totals and the totals across the set', async () => {
    expect(answeredCallId).not.toBe('');
    // A second recording of the set: the answered call's files under another call's id.
    const copyId = crypto.randomUUID();
    for (const file of ['caller.pcm', 'agent.pcm', 'timeline.jsonl'] as const)
      await store.append(copyId, file, 0, (await store.read(answeredCallId, file)) as Uint8Array);
    const unrecordedId = crypto.randomUUID();
    const entry = (callId: string) => ({ callId, token: signRecordingToken(TEST_SECRET, callId) });
    const replaySetOf = (body: unknown) =>
      fetch(`${runtime.url}/recordings/replay-set`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const single = (await (
      await fetch(`${runtime.url}/recordings/${answeredCallId}/replay`, {
        method: 'POST',
        headers: { authorization: `Bearer ${entry(answeredCallId).token}` },
        body: JSON.stringify({ overrides: { endpointing: { minDelay: 2000 } } }),
      })
    ).json()) as import('@parley/engine').ReplayResult;
    expect(single.totals.replay.turns).toBeGreaterThanOrEqual(1);

    const reply = await replaySetOf({
      calls: [entry(answeredCallId), entry(copyId), entry(unrecordedId)],
      overrides: { endpointing: { minDelay: 2000 } },
    });
    expect(reply.status).toBe(200);
    const set = (await reply.json()) as import('../../src/recordings/replay-set').ReplaySetResult;
    expect(set.calls).toEqual([
      { callId: answeredCallId, totals: single.totals },
      { callId: copyId, totals: single.totals },
      { callId: unrecordedId, missing: true },
    ]);
    // Two copies of one call: twice the turns and cut-offs, the same median response.
    expect(set.totals.replay.turns).toBe(2 * single.totals.replay.turns);
    expect(set.totals.recorded.turns).toBe(2 * single.totals.recorded.turns);
    expect(set.totals.replay.cutOffs).toBe(2 * single.totals.replay.cutOffs);
    expect(set.totals.replay.medianResponseDelay).toBe(single.totals.replay.medianResponseDelay);
    expect(set.totals.replay.medianResponseDelay).not.toBe(set.totals.recorded.medianResponseDelay);

    // Every call needs its own token; bad input names what is wrong.
    const forged = await replaySetOf({
      calls: [entry(answeredCallId), { callId: copyId, token: entry(answeredCallId).token }],
    });
    expect(forged.status).toBe(401);
    expect(await forged.json()).toMatchObject({ error: expect.stringContaining(copyId) });
    const empty = await replaySetOf({ calls: [] });
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({ code: 'invalid_calls', error: expect.stringMatching(/^calls: /) });
    const bad = await replaySetOf({ calls: [entry(copyId)], overrides: { vad: { activationThreshold: 7 } } });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'invalid_overrides' });
    await store.delete(copyId);
  });

  it('is read, replayed under other settings and deleted through the runtime, with a recording token only', async () => {
    expect(answeredCallId).not.toBe('');
    const url = (part = '') => `${runtime.url}/recordings/${answeredCallId}${part}`;
    const auth = { authorization: `Bearer ${signRecordingToken(TEST_SECRET, answeredCallId)}` };
    expect((await fetch(url('/timeline.jsonl'))).status).toBe(401);
    const otherToken = signRecordingToken(TEST_SECRET, '7f0c3d4e-1b2a-4c5d-8e9f-0a1b2c3d4e5f');
    expect((await fetch(url('/caller.pcm'), { headers: { authorization: `Bearer ${otherToken}` } })).status).toBe(401);
    const caller = await fetch(url('/caller.pcm'), { headers: auth });
    expect(caller.status).toBe(200);
    expect((await caller.arrayBuffer()).byteLength).toBeGreaterThan(32000);

    const replay = async (overrides: unknown) =>
      fetch(url('/replay'), {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ overrides }),
      });
    const own = await replay({});
    expect(own.status).toBe(200);
    const ownResult = (await own.json()) as import('@parley/engine').ReplayResult;
    const heard = ownResult.turns.filter((row) => row.replay);
    expect(heard.length).toBeGreaterThanOrEqual(1);
    expect(heard.every((row) => row.recorded !== null)).toBe(true);
    const slower = (await (await replay({ endpointing: { minDelay: 2000 } })).json()) as typeof ownResult;
    const slowTurn = slower.turns.find((row) => row.replay)!;
    // Session times are sums of frame lengths in ms: allow for floating-point rounding.
    expect(slowTurn.replay!.decidedAt - slowTurn.speechEndAt).toBeGreaterThanOrEqual(2000 - 1e-6);
    expect(slowTurn.replay!.decidedAt).toBeGreaterThan(heard[0]!.replay!.decidedAt);

    const bad = await replay({ endpointing: { minDelay: -5 } });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      code: 'invalid_overrides',
      error: expect.stringMatching(/^overrides\.endpointing\.minDelay: /),
    });

    expect((await fetch(url(), { method: 'DELETE', headers: auth })).status).toBe(204);
    expect(await store.read(answeredCallId, 'caller.pcm')).toBeNull();
    expect((await calls.get(answeredCallId)).recorded).toBe(false);
    expect((await fetch(url('/timeline.jsonl'), { headers: auth })).status).toBe(404);
    expect((await replay({})).status).toBe(404);
  });
});
