import { afterEach, describe, expect, it } from 'vitest';
import type { SessionEvent } from '../../src/session/events';
import { startTestSession, type TestSession } from '../../src/testing';
import {
  audioAnswer,
  functionCallAnswer,
  inputTranscript,
  type OpenAiDouble,
  type RealtimeConnectionDouble,
  responseDone,
  speechStarted,
  speechStopped,
  startOpenAiDouble,
} from '../doubles/openai';
import { sine, speechWav } from '../support';
import { threeAgentFlow } from './flows';

const realtimeRate = 24000;

function realtimePlan() {
  return threeAgentFlow({
    settings: {
      turnHandling: { turnDetection: 'realtime_llm' },
      providers: { realtime: { provider: 'openai-realtime', voice: 'marin' } },
      language: 'en',
    },
  });
}

/** The first event (already seen or still to come) that matches. Socket events arrive in real time. */
function eventOf(test: TestSession, match: (e: SessionEvent) => boolean): Promise<SessionEvent> {
  const seen = test.events.find(match);
  if (seen) return Promise.resolve(seen);
  return new Promise((resolve) => {
    const off = test.session.on((e) => {
      if (!match(e)) return;
      off();
      resolve(e);
    });
  });
}

/** Samples the double received in `input_audio_buffer.append` events so far. */
function appendedSamples(server: RealtimeConnectionDouble): number[] {
  return server.received
    .filter((e) => e.type === 'input_audio_buffer.append')
    .map((e) => Buffer.from(String(e.audio), 'base64').length / 2);
}

describe('realtime_llm: a speech-to-speech model over the OpenAI Realtime double', () => {
  let double: OpenAiDouble;
  let test: TestSession;
  let server: RealtimeConnectionDouble;

  async function start() {
    double = await startOpenAiDouble();
    test = await startTestSession({
      plan: realtimePlan(),
      secrets: { OPENAI_API_KEY: double.apiKey },
      baseUrls: { openai: double.baseUrl },
    });
    server = await double.realtime.nextConnection();
  }

  afterEach(async () => {
    await test?.close();
    await double?.close();
  });

  it('takes a spoken turn from server VAD and plays the model audio at 24 kHz', async () => {
    await start();
    const setup = await server.nextEvent('session.update');
    const session = setup.session as { instructions: string; tools: { name: string }[] };
    expect(session.instructions).toContain('You greet callers of Acme.');
    expect(session.instructions).toContain('Hello, this is Acme.');
    expect(session.tools.map((t) => t.name).sort()).toEqual([
      'end_call',
      'set_variable',
      'transfer_to_billing',
      'transfer_to_support',
    ]);
    await server.nextEvent('response.create'); // the model is asked to greet

    await test.play(await speechWav('I would like to book a table'));
    // 20 ms frames of 16 kHz caller audio reach the model as 480 samples at 24 kHz.
    while (appendedSamples(server).length < 20) await server.nextEvent('input_audio_buffer.append');
    const sizes = appendedSamples(server).sort((a, b) => a - b);
    expect(sizes[Math.floor(sizes.length / 2)]).toBe(480);

    server.sendAll([
      speechStarted('item_u1', 120),
      speechStopped('item_u1', 1800),
      inputTranscript('item_u1', 'I would like to book a table'),
    ]);
    await eventOf(test, (e) => e.type === 'transcript' && e.source === 'speech');
    const answer = sine(330, 600, { rate: realtimeRate, level: 0.3 });
    server.sendAll([
      ...audioAnswer('resp_1', 'item_a1', [
        { transcript: 'Sure, ', audio: answer.subarray(0, 7200) },
        { transcript: 'for how many people?', audio: answer.subarray(7200) },
      ]),
      responseDone('resp_1'),
    ]);
    await eventOf(test, (e) => e.type === 'assistant_text_delta');
    await test.waitUntilIdle();

    const types = test.events.map((e) => e.type);
    const turnEnd = test.events.find((e) => e.type === 'end_of_turn');
    expect(turnEnd).toMatchObject({ mode: 'realtime_llm', probability: null });
    expect(test.events.find((e) => e.type === 'user_speech_stopped')).toMatchObject({ speechDuration: 1680 });
    expect(types.indexOf('user_speech_started')).toBeLessThan(types.indexOf('user_speech_stopped'));
    expect(types.indexOf('user_speech_stopped')).toBeLessThan(types.indexOf('end_of_turn'));
    const frames = test.transport.output.log.filter((e) => e.type === 'frame');
    expect(frames.every((f) => f.type === 'frame' && f.sampleRate === realtimeRate)).toBe(true);
    const played = frames.flatMap((f) => (f.type === 'frame' ? [...f.samples] : []));
    expect(played).toEqual([...answer]);
    const deltas = test.events.flatMap((e) => (e.type === 'assistant_text_delta' ? [e.delta] : []));
    expect(deltas).toEqual(['Sure, ', 'for how many people?']);
    // The assistant message is reported once its audio has played.
    const message = test.events.find((e) => e.type === 'assistant_message');
    expect(message).toMatchObject({ text: 'Sure, for how many people?', interrupted: false, agentId: 'reception' });
    const lastFrame = frames.at(-1);
    expect(message!.t).toBeGreaterThanOrEqual(lastFrame!.t + (lastFrame?.type === 'frame' ? lastFrame.durationMs : 0));
    expect(test.session.state).toBe('listening');
  });

  it('runs a handoff tool call: the session is updated to the new agent without reconnecting', async () => {
    await start();
    await server.nextEvent('session.update');
    server.sendAll(
      functionCallAnswer('resp_2', 'item_f1', {
        callId: 'call_1',
        name: 'transfer_to_billing',
        argumentPieces: ['{"reason":', '"a refund"}'],
      }),
    );
    const handoff = await eventOf(test, (e) => e.type === 'handoff');
    expect(handoff).toMatchObject({ from: 'reception', to: 'billing', edgeId: 'to-billing', reason: 'a refund' });
    const update = await server.nextEvent('session.update');
    const session = update.session as { instructions: string; tools: { name: string }[] };
    expect(session.instructions).toBe('You handle invoices for unknown.');
    expect(session.tools.map((t) => t.name)).toEqual(['set_variable']);
    const output = await server.nextEvent('conversation.item.create');
    expect(output.item).toMatchObject({ type: 'function_call_output', call_id: 'call_1' });
    await server.nextEvent('response.create');
    expect(server.received.indexOf(update)).toBeLessThan(server.received.indexOf(output));
    const types = test.events.map((e) => e.type);
    expect(types.indexOf('tool_call')).toBeLessThan(types.indexOf('tool_result'));
    expect(test.session.activeAgentId).toBe('billing');
    expect(double.realtime.connections).toHaveLength(1);
  });

  it('on barge-in cancels the response and truncates it to the audio that was played', async () => {
    await start();
    await server.nextEvent('session.update');
    const answer = sine(330, 1000, { rate: realtimeRate, level: 0.3 });
    server.sendAll(audioAnswer('resp_3', 'item_a3', [{ transcript: 'One two three four five six.', audio: answer }]));
    await eventOf(test, (e) => e.type === 'agent_state' && e.state === 'speaking');
    await test.wait(300);
    server.send(speechStarted('item_u2', 2000));
    const interruption = await eventOf(test, (e) => e.type === 'interruption');
    const cancel = await server.nextEvent('response.cancel');
    const truncate = await server.nextEvent('conversation.item.truncate');
    const clear = test.transport.output.log.find((e) => e.type === 'clear');
    expect(clear?.type === 'clear' && clear.playedMs).toBe(300);
    expect(truncate).toMatchObject({ item_id: 'item_a3', content_index: 0, audio_end_ms: 300 });
    expect(server.received.indexOf(cancel)).toBeLessThan(server.received.indexOf(truncate));
    expect(interruption).toMatchObject({ playedMs: 300 });
    const message = test.events.find((e) => e.type === 'assistant_message');
    expect(message).toMatchObject({ text: 'One two', interrupted: true });
    expect(test.transport.output.lastSoundAt()!).toBeLessThanOrEqual(clear!.t);
  });
});
