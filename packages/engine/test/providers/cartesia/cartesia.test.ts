import { afterEach, describe, expect, it } from 'vitest';
import { ProviderError } from '../../../src/providers/errors';
import { CartesiaTts, type CartesiaTtsOptions } from '../../../src/providers/tts/cartesia';
import {
  type CartesiaDouble,
  type CartesiaScript,
  cartesiaDoubleAudio,
  startCartesiaDouble,
} from '../../doubles/cartesia/server';

const API_KEY = 'cartesia-test-key-0123456789';
const VOICE = 'a0e99841-438c-4a64-b679-ae501e7d6091';

let double: CartesiaDouble | undefined;
let tts: CartesiaTts | undefined;

afterEach(async () => {
  await tts?.close();
  await double?.close();
  tts = undefined;
  double = undefined;
});

async function setup(script: Partial<CartesiaScript>, options: Partial<CartesiaTtsOptions> = {}) {
  double = await startCartesiaDouble({ apiKey: API_KEY, ...script });
  tts = new CartesiaTts({ apiKey: API_KEY, voiceId: VOICE, baseUrl: double.url, ...options });
  return { double, tts };
}

async function collect(chunks: AsyncIterable<Int16Array>): Promise<Int16Array> {
  const parts: Int16Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  const all = new Int16Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  return all;
}

async function failure(chunks: AsyncIterable<Int16Array>): Promise<ProviderError> {
  try {
    await collect(chunks);
  } catch (err) {
    if (err instanceof ProviderError) return err;
    throw err;
  }
  throw new Error('synthesis did not fail');
}

describe('CartesiaTts against a local Cartesia WebSocket double', () => {
  it('yields audio chunks as they arrive, before the last one is sent', async () => {
    const { double, tts } = await setup({ holdLastChunk: true, samples: 2400, chunks: 3 });
    const iterator = tts.synthesize('Hello there.')[Symbol.asyncIterator]();
    const first = await iterator.next();
    const second = await iterator.next();
    // The double still holds the last chunk: these two came while the answer was streaming.
    expect(first.value).toEqual(cartesiaDoubleAudio(2400).subarray(0, 800));
    expect(second.value).toEqual(cartesiaDoubleAudio(2400).subarray(800, 1600));
    double.release();
    expect((await iterator.next()).value).toEqual(cartesiaDoubleAudio(2400).subarray(1600));
    expect((await iterator.next()).done).toBe(true);

    expect(double.upgrades).toEqual([{ apiKey: API_KEY, version: '2025-04-16' }]);
    expect(double.requests[0]).toMatchObject({
      model_id: 'sonic-2',
      transcript: 'Hello there.',
      voice: { mode: 'id', id: VOICE },
      output_format: { container: 'raw', encoding: 'pcm_s16le', sample_rate: 24000 },
      continue: false,
    });
    expect(double.requests[0]?.context_id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('asks for the configured sample rate and model', async () => {
    const { double, tts } = await setup({}, { sampleRate: 16000, model: 'sonic-3' });
    expect(tts.sampleRate).toBe(16000);
    expect(await collect(tts.synthesize('Hi.'))).toEqual(cartesiaDoubleAudio(2400));
    expect(double.requests[0]).toMatchObject({ model_id: 'sonic-3', output_format: { sample_rate: 16000 } });
  });

  it('runs sentences side by side on one shared socket', async () => {
    const { double, tts } = await setup({ samples: 960, chunks: 4 });
    const [a, b] = await Promise.all([collect(tts.synthesize('One.')), collect(tts.synthesize('Two.'))]);
    expect(a).toEqual(cartesiaDoubleAudio(960));
    expect(b).toEqual(cartesiaDoubleAudio(960));
    expect(await collect(tts.synthesize('Three.'))).toEqual(cartesiaDoubleAudio(960));
    expect(double.upgrades).toHaveLength(1);
    expect(new Set(double.requests.map((r) => r.context_id)).size).toBe(3);
  });

  it('ends quietly on abort and cancels the context on the server', async () => {
    const { double, tts } = await setup({ holdLastChunk: true });
    const controller = new AbortController();
    const received: Int16Array[] = [];
    for await (const chunk of tts.synthesize('A long sentence.', { signal: controller.signal })) {
      received.push(chunk);
      controller.abort();
    }
    expect(received).toHaveLength(1);
    await double.until(() => double.cancels.length === 1);
    expect(double.cancels).toEqual([double.requests[0]?.context_id]);
  });

  it('maps a 401 on the upgrade to auth without leaking the key', async () => {
    double = await startCartesiaDouble({ apiKey: 'the-real-key' });
    tts = new CartesiaTts({ apiKey: API_KEY, voiceId: VOICE, baseUrl: double.url });
    const error = await failure(tts.synthesize('Hi.'));
    expect([error.kind, error.status]).toEqual(['auth', 401]);
    expect(error.message).not.toContain(API_KEY);
  });

  it('maps an error message to a ProviderError by its status code', async () => {
    const { tts } = await setup({
      errorReply: { status_code: 500, title: 'Internal error', message: 'model crashed' },
    });
    const error = await failure(tts.synthesize('Hi.'));
    expect(error.kind).toBe('server');
    expect(error.message).toContain('model crashed');
    await double?.close();

    const again = await setup({ errorReply: { status_code: 400, title: 'Invalid model', message: 'no such model' } });
    expect((await failure(again.tts.synthesize('Hi.'))).kind).toBe('bad_request');
  });

  it('maps a socket dropped mid-stream to network, and reconnects for the next sentence', async () => {
    const { double, tts } = await setup({ dropAfterFirstChunk: true });
    const error = await failure(tts.synthesize('Hi.'));
    expect(error.kind).toBe('network');
    expect(error.retryable).toBe(true);
    await failure(tts.synthesize('Again.'));
    expect(double.upgrades).toHaveLength(2);
  });

  it('maps a generation that never answers to a timeout', async () => {
    const { tts } = await setup({ silent: true }, { timeoutMs: 200 });
    expect((await failure(tts.synthesize('Hi.'))).kind).toBe('timeout');
  });

  it('maps a handshake that never completes to a timeout', async () => {
    const { tts } = await setup({ hangUpgrade: true }, { connectTimeoutMs: 200 });
    expect((await failure(tts.synthesize('Hi.'))).kind).toBe('timeout');
  });
});
