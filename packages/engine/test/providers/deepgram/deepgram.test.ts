import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ProviderError } from '../../../src/providers/errors';
import { DeepgramStt, type DeepgramSttOptions } from '../../../src/providers/stt/deepgram';
import type { SttEvent, SttStream } from '../../../src/providers/stt/types';
import { type DeepgramDouble, type DeepgramScript, startDeepgramDouble } from '../../doubles/deepgram/server';
import { collectEvents, toneChunk } from './stt-events';

const API_KEY = 'dg-test-key-0123456789';
const UTTERANCE = 'book a table for two';

let double: DeepgramDouble | undefined;
let stream: SttStream | undefined;

afterEach(async () => {
  await stream?.close();
  await double?.close();
  stream = undefined;
  double = undefined;
});

async function open(script: Partial<DeepgramScript>, options: Partial<DeepgramSttOptions> = {}) {
  double = await startDeepgramDouble({ apiKey: API_KEY, utterances: [UTTERANCE, 'two more please'], ...script });
  const stt = new DeepgramStt({ apiKey: API_KEY, baseUrl: double.url, ...options });
  stream = stt.stream({ language: 'en-US' });
  return { double, stream, seen: collectEvents(stream) };
}

function errorOf(event: SttEvent): ProviderError {
  if (event.type !== 'error' || !(event.error instanceof ProviderError))
    throw new Error(`not a ProviderError: ${JSON.stringify(event)}`);
  return event.error;
}

const isError = (event: SttEvent) => event.type === 'error';
const isFinal = (event: SttEvent) => event.type === 'final';

describe('DeepgramStt against a local Deepgram live double', () => {
  it('streams linear16 audio and maps interim and final Results; Finalize on end of speech', async () => {
    const { double, stream, seen } = await open({ interimEveryBytes: 3200 });
    const sent = [toneChunk(0), toneChunk(1)];
    for (const chunk of sent) stream.pushAudio(chunk);
    // The first interim comes back while the caller is still talking: proof it streams.
    expect(await seen.next((e) => e.type === 'interim')).toEqual({ type: 'interim', text: 'book' });
    for (const seed of [2, 3, 4]) {
      const chunk = toneChunk(seed);
      sent.push(chunk);
      stream.pushAudio(chunk);
    }
    stream.endOfSpeech();
    expect(await seen.next(isFinal)).toEqual({ type: 'final', text: UTTERANCE, confidence: 0.97 });

    const record = double.connections[0];
    expect(record?.authorization).toBe(`Token ${API_KEY}`);
    expect(Object.fromEntries(record?.query ?? [])).toMatchObject({
      model: 'nova-3',
      language: 'en-US',
      encoding: 'linear16',
      sample_rate: '16000',
      channels: '1',
      interim_results: 'true',
      endpointing: '300',
    });
    const expected = Buffer.concat(sent.map((s) => Buffer.from(s.buffer, s.byteOffset, s.byteLength)));
    expect(Buffer.concat(record?.audio ?? [])).toEqual(expected);
    expect(record?.controls).toContain('Finalize');
    expect(seen.events.filter(isError)).toEqual([]);
  });

  it('passes on finals Deepgram sends on its own (endpointing) without endOfSpeech', async () => {
    const { stream, seen } = await open({ endpointAfterBytes: 9600 }, { model: 'nova-2' });
    for (const seed of [0, 1, 2]) stream.pushAudio(toneChunk(seed));
    expect(await seen.next(isFinal)).toMatchObject({ text: UTTERANCE });
    expect(Object.fromEntries(double?.connections[0]?.query ?? [])).toMatchObject({ model: 'nova-2' });
  });

  it('drops transcripts of discarded audio but keeps what follows', async () => {
    const { double, stream, seen } = await open({ interimEveryBytes: 1_000_000 });
    stream.pushAudio(toneChunk(0));
    await double.until(() => (double.connections[0]?.audioBytes ?? 0) > 0);
    stream.discard();
    await double.until(() => double.connections[0]?.controls.includes('Finalize') ?? false);
    stream.pushAudio(toneChunk(1));
    stream.endOfSpeech();
    expect(await seen.next(isFinal)).toMatchObject({ text: 'two more please' });
    expect(seen.events.filter(isFinal)).toHaveLength(1);
  });

  it('close() sends CloseStream and delivers the last results before resolving', async () => {
    const { double, stream, seen } = await open({ interimEveryBytes: 1_000_000 });
    stream.pushAudio(toneChunk(0));
    await double.until(() => (double.connections[0]?.audioBytes ?? 0) > 0);
    await stream.close();
    expect(double.connections[0]?.controls).toEqual(['CloseStream']);
    expect(seen.events).toEqual([{ type: 'final', text: UTTERANCE, confidence: 0.97 }]);
  });

  it('sends KeepAlive while no audio flows', async () => {
    const { double } = await open({}, { keepAliveMs: 20 });
    await double.until(() => double.connections[0]?.controls.includes('KeepAlive') ?? false);
    expect(double.connections[0]?.audioBytes).toBe(0);
  });

  it('reconnects once when the socket drops mid-stream and keeps transcribing', async () => {
    const { double, stream, seen } = await open({
      dropAfterBytes: 3200,
      dropConnections: 1,
      interimEveryBytes: 1_000_000,
    });
    stream.pushAudio(toneChunk(0));
    await double.until(() => double.connections.length === 2);
    stream.pushAudio(toneChunk(1));
    stream.endOfSpeech();
    expect(await seen.next(isFinal)).toMatchObject({ type: 'final' });
    expect(seen.events.filter(isError)).toEqual([]);
    expect(double.connections[1]?.audioBytes).toBe(3200);
  });

  it('reports a network error when the socket drops again right after reconnecting', async () => {
    const { double, stream, seen } = await open({ dropAfterBytes: 3200 });
    stream.pushAudio(toneChunk(0));
    await double.until(() => double.connections.length === 2);
    stream.pushAudio(toneChunk(1));
    const error = errorOf(await seen.next(isError));
    expect(error.kind).toBe('network');
    expect(error.retryable).toBe(true);
  });

  it('maps a 401 on the upgrade to an auth error that does not leak the key', async () => {
    double = await startDeepgramDouble({ apiKey: 'the-real-key' });
    stream = new DeepgramStt({ apiKey: API_KEY, baseUrl: double.url }).stream({ language: 'en' });
    const error = errorOf(await collectEvents(stream).next(isError));
    expect(error.kind).toBe('auth');
    expect(error.status).toBe(401);
    expect(error.message).not.toContain(API_KEY);
    expect(error.message).toContain('DEEPGRAM_API_KEY');
  });

  it('maps a 5xx on the upgrade to a server error', async () => {
    const { seen } = await open({ rejectUpgrade: 503 });
    const error = errorOf(await seen.next(isError));
    expect([error.kind, error.status]).toEqual(['server', 503]);
  });

  it('maps close frames: 1011 (NET-*) to server, 1008 (DATA-*) to bad_request', async () => {
    const first = await open({ closeAfterBytes: { bytes: 3200, code: 1011, reason: 'NET-0000' } });
    first.stream.pushAudio(toneChunk(0));
    const serverError = errorOf(await first.seen.next(isError));
    expect(serverError.kind).toBe('server');
    expect(serverError.message).toContain('NET-0000');
    await first.stream.close();
    await first.double.close();

    const second = await open({ closeAfterBytes: { bytes: 3200, code: 1008, reason: 'DATA-0000' } });
    second.stream.pushAudio(toneChunk(0));
    expect(errorOf(await second.seen.next(isError)).kind).toBe('bad_request');
  });

  it('maps a handshake that never completes to a timeout', async () => {
    const { seen } = await open({ hangUpgrade: true }, { connectTimeoutMs: 300 });
    expect(errorOf(await seen.next(isError)).kind).toBe('timeout');
  });

  it('maps a refused connection to a network error', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as { port: number };
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    stream = new DeepgramStt({ apiKey: API_KEY, baseUrl: `ws://127.0.0.1:${port}` }).stream({ language: 'en' });
    expect(errorOf(await collectEvents(stream).next(isError)).kind).toBe('network');
  });
});
