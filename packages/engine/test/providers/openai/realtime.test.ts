import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOpenAiRealtime, realtimeUrl } from '../../../src/providers/realtime/openai-realtime';
import type { RealtimeEvent, RealtimeSession } from '../../../src/providers/realtime/types';
import {
  audioAnswer,
  functionCallAnswer,
  inputTranscript,
  type OpenAiDouble,
  type RealtimeConnectionDouble,
  responseDone,
  serverError,
  speechStarted,
  speechStopped,
  startOpenAiDouble,
} from '../../doubles/openai';
import { caught, EventLog } from './helpers';

const bookTool = {
  name: 'book_table',
  description: 'Book a table',
  parameters: { type: 'object', properties: { people: { type: 'number' } }, required: ['people'] },
};

describe('OpenAI Realtime client', () => {
  let double: OpenAiDouble;
  let session: RealtimeSession | undefined;
  beforeEach(async () => {
    double = await startOpenAiDouble();
  });
  afterEach(async () => {
    await session?.close();
    session = undefined;
    await double.close();
  });

  const model = (overrides: { apiKey?: string; timeoutMs?: number } = {}) =>
    createOpenAiRealtime({ apiKey: double.apiKey, baseUrl: double.baseUrl, model: 'gpt-realtime', ...overrides });

  async function connect(): Promise<{ server: RealtimeConnectionDouble; events: EventLog<RealtimeEvent> }> {
    session = await model().connect({
      instructions: 'You take restaurant bookings.',
      tools: [bookTool],
      voice: 'marin',
      transcriptionModel: 'gpt-4o-mini-transcribe',
      turnDetection: { silenceDurationMs: 400 },
    });
    const events = new EventLog<RealtimeEvent>();
    session.onEvent(events.push);
    return { server: await double.realtime.nextConnection(), events };
  }

  it('builds the socket URL from the REST base URL', () => {
    expect(realtimeUrl('https://api.openai.com/v1/', 'gpt-realtime').href).toBe(
      'wss://api.openai.com/v1/realtime?model=gpt-realtime',
    );
    expect(realtimeUrl('http://127.0.0.1:8080/v1', 'm').href).toBe('ws://127.0.0.1:8080/v1/realtime?model=m');
  });

  it('connects with the key and configures the session: instructions, tools, voice, server VAD, 24 kHz pcm', async () => {
    const { server } = await connect();
    expect(server.url.searchParams.get('model')).toBe('gpt-realtime');
    expect(server.headers.authorization).toBe(`Bearer ${double.apiKey}`);
    const update = await server.nextEvent('session.update');
    const pcm = { type: 'audio/pcm', rate: 24000 };
    expect(update.session).toEqual({
      type: 'realtime',
      instructions: 'You take restaurant bookings.',
      tools: [{ type: 'function', ...bookTool }],
      tool_choice: 'auto',
      output_modalities: ['audio'],
      audio: {
        input: {
          format: pcm,
          turn_detection: {
            type: 'server_vad',
            silence_duration_ms: 400,
            create_response: true,
            interrupt_response: true,
          },
          transcription: { model: 'gpt-4o-mini-transcribe' },
        },
        output: { format: pcm, voice: 'marin' },
      },
    });
  });

  it('sends caller audio as base64 PCM16 appends', async () => {
    const { server } = await connect();
    const samples = Int16Array.from([-32768, -2, 0, 3, 32767]);
    session?.pushAudio(samples);
    const append = await server.nextEvent('input_audio_buffer.append');
    const bytes = Buffer.from(String(append.audio), 'base64');
    expect(Array.from({ length: bytes.length / 2 }, (_, i) => bytes.readInt16LE(i * 2))).toEqual(Array.from(samples));
    expect(session?.sampleRate).toBe(24000);
  });

  it('maps server VAD and the caller transcript to turn events', async () => {
    const { server, events } = await connect();
    server.sendAll([
      speechStarted('item_u1', 120),
      speechStopped('item_u1', 1850),
      inputTranscript('item_u1', 'A table for two'),
    ]);
    expect(await events.next('speech_started')).toEqual({
      type: 'speech_started',
      itemId: 'item_u1',
      audioStartMs: 120,
    });
    expect(await events.next('speech_stopped')).toEqual({
      type: 'speech_stopped',
      itemId: 'item_u1',
      audioEndMs: 1850,
    });
    expect(await events.next('input_transcript')).toEqual({
      type: 'input_transcript',
      itemId: 'item_u1',
      text: 'A table for two',
    });
  });

  it('streams the spoken answer as transcript deltas and PCM samples', async () => {
    const { server, events } = await connect();
    const a = Int16Array.from([1, -1, 300]);
    const b = Int16Array.from([-300, 7]);
    server.sendAll([
      ...audioAnswer('resp_1', 'item_a1', [
        { transcript: 'Sure, ', audio: a },
        { transcript: 'for two.', audio: b },
      ]),
      responseDone('resp_1'),
    ]);
    expect(await events.next('response_started')).toEqual({ type: 'response_started', responseId: 'resp_1' });
    expect((await events.next('text_delta')).delta).toBe('Sure, ');
    const first = await events.next('audio_delta');
    expect([first.responseId, first.itemId, Array.from(first.samples)]).toEqual(['resp_1', 'item_a1', [1, -1, 300]]);
    expect((await events.next('text_delta')).delta).toBe('for two.');
    expect(Array.from((await events.next('audio_delta')).samples)).toEqual([-300, 7]);
    expect(await events.next('response_done')).toEqual({
      type: 'response_done',
      responseId: 'resp_1',
      status: 'completed',
    });
  });

  it('round-trips a function call: tool_call event, then function_call_output and response.create', async () => {
    const { server, events } = await connect();
    server.sendAll(
      functionCallAnswer('resp_2', 'item_f1', {
        callId: 'call_9',
        name: 'book_table',
        argumentPieces: ['{"peo', 'ple":', '2}'],
      }),
    );
    const { call } = await events.next('tool_call');
    expect(call).toEqual({ id: 'call_9', name: 'book_table', arguments: '{"people":2}' });

    session?.sendToolResult(call.id, '{"booked":true}');
    const created = await server.nextEvent('conversation.item.create');
    expect(created.item).toEqual({ type: 'function_call_output', call_id: 'call_9', output: '{"booked":true}' });
    await server.nextEvent('response.create');
    const order = server.received.map((e) => e.type).filter((t) => t !== 'session.update');
    expect(order).toEqual(['conversation.item.create', 'response.create']);
  });

  it('interruption cancels the response and truncates the item to the audio actually played', async () => {
    const { server } = await connect();
    session?.interrupt('item_a1', 1234.4);
    await server.nextEvent('response.cancel');
    const truncate = await server.nextEvent('conversation.item.truncate');
    expect(truncate).toMatchObject({ item_id: 'item_a1', content_index: 0, audio_end_ms: 1234 });
    const order = server.received.map((e) => e.type).filter((t) => t !== 'session.update');
    expect(order).toEqual(['response.cancel', 'conversation.item.truncate']);
  });

  it('a handoff update sends only the new instructions and tools', async () => {
    const { server } = await connect();
    await server.nextEvent('session.update');
    session?.update({ instructions: 'You are billing.', tools: [] });
    const update = await server.nextEvent('session.update');
    expect(update.session).toEqual({
      type: 'realtime',
      instructions: 'You are billing.',
      tools: [],
      tool_choice: 'auto',
    });
  });

  it('typed user text becomes a user message item', async () => {
    const { server } = await connect();
    session?.sendUserText('Hello?');
    session?.createResponse();
    const created = await server.nextEvent('conversation.item.create');
    expect(created.item).toEqual({ type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Hello?' }] });
    await server.nextEvent('response.create');
  });

  it('server error events are reported without ending the session; a benign cancel race is ignored', async () => {
    const { server, events } = await connect();
    server.sendAll([
      serverError(
        'invalid_request_error',
        'response_cancel_not_active',
        'Cancellation failed: no active response found',
      ),
      serverError('invalid_request_error', 'invalid_value', 'Invalid tool schema'),
    ]);
    const { error, fatal } = await events.next('error');
    expect(fatal).toBe(false);
    expect(error).toMatchObject({ kind: 'bad_request' });
    expect(error.message).toContain('Invalid tool schema');
    expect(events.events.filter((e) => e.type === 'error')).toHaveLength(1);
  });

  it('a dropped socket is a fatal network error, then closed', async () => {
    const { server, events } = await connect();
    server.drop();
    const { error, fatal } = await events.next('error');
    expect(fatal).toBe(true);
    expect(error).toMatchObject({ kind: 'network', retryable: true });
    await events.next('closed');
  });

  it('close() ends the session quietly', async () => {
    const { events } = await connect();
    await session?.close();
    expect(events.events.map((e) => e.type)).toEqual(['closed']);
  });

  it('a wrong key fails the handshake with an auth error that never shows the key', async () => {
    const error = await caught(() => model({ apiKey: 'sk-WRONGKEYWRONGKEY' }).connect({ instructions: '', tools: [] }));
    expect(error).toMatchObject({ kind: 'auth', status: 401 });
    expect((error as Error).message).not.toContain('WRONGKEY');
  });

  it('a refused handshake (429) is a rate limit', async () => {
    double.realtime.refusals.push({ status: 429, retryAfterSeconds: 3 });
    const error = await caught(() => model().connect({ instructions: '', tools: [] }));
    expect(error).toMatchObject({ kind: 'rate_limit', status: 429 });
    expect((error as Error).message).toContain('Retry after 3 s');
  });

  it('an unreachable server is a network error', async () => {
    const gone = await startOpenAiDouble();
    await gone.close();
    const error = await caught(() =>
      createOpenAiRealtime({ apiKey: 'k', baseUrl: gone.baseUrl, model: 'gpt-realtime' }).connect({
        instructions: '',
        tools: [],
      }),
    );
    expect(error).toMatchObject({ kind: 'network' });
  });
});
