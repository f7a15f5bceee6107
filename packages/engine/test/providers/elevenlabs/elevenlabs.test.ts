import { afterEach, describe, expect, it } from 'vitest';
import { ProviderError } from '../../../src/providers/errors';
import { ElevenLabsTts, type ElevenLabsTtsOptions } from '../../../src/providers/tts/elevenlabs';
import {
  type ElevenLabsDouble,
  type ElevenLabsScript,
  elevenLabsDoubleAudio,
  startElevenLabsDouble,
} from '../../doubles/elevenlabs/server';

const API_KEY = 'xi-test-key-0123456789';
const VOICE = 'JBFqnCBsd6RMkjVDRZzb';

let double: ElevenLabsDouble | undefined;

afterEach(async () => {
  await double?.close();
  double = undefined;
});

async function setup(script: Partial<ElevenLabsScript>, options: Partial<ElevenLabsTtsOptions> = {}) {
  double = await startElevenLabsDouble({ apiKey: API_KEY, ...script });
  const tts = new ElevenLabsTts({ apiKey: API_KEY, voiceId: VOICE, baseUrl: double.url, ...options });
  return { double, tts };
}

function concat(parts: Int16Array[]): Int16Array {
  const all = new Int16Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  return all;
}

async function collect(chunks: AsyncIterable<Int16Array>): Promise<Int16Array> {
  const parts: Int16Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return concat(parts);
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

describe('ElevenLabsTts against a local ElevenLabs streaming double', () => {
  it('yields whole samples as the body streams, before the last chunk is sent', async () => {
    const { double, tts } = await setup({ holdLastChunk: true, samples: 2400, chunks: 3 });
    const expected = elevenLabsDoubleAudio(2400);
    const iterator = tts.synthesize('Hello there.')[Symbol.asyncIterator]();
    const first = (await iterator.next()).value as Int16Array;
    // The double holds the last chunk, so this came while the answer was still streaming.
    expect(first.length).toBeGreaterThan(0);
    expect(first.length).toBeLessThan(expected.length);
    expect(first).toEqual(expected.subarray(0, first.length));
    double.release();
    const rest: Int16Array[] = [first];
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) rest.push(next.value);
    expect(concat(rest)).toEqual(expected);

    expect(double.requests[0]).toMatchObject({
      voiceId: VOICE,
      apiKey: API_KEY,
      body: { text: 'Hello there.', model_id: 'eleven_flash_v2_5' },
    });
    expect(double.requests[0]?.query.get('output_format')).toBe('pcm_24000');
  });

  it('asks for the configured rate, model and voice settings', async () => {
    const { double, tts } = await setup(
      { chunks: 7 },
      { sampleRate: 16000, model: 'eleven_turbo_v2_5', voiceSettings: { stability: 0.4 } },
    );
    expect(tts.sampleRate).toBe(16000);
    expect(await collect(tts.synthesize('Hi.'))).toEqual(elevenLabsDoubleAudio(2400));
    expect(double.requests[0]?.query.get('output_format')).toBe('pcm_16000');
    expect(double.requests[0]?.body).toEqual({
      text: 'Hi.',
      model_id: 'eleven_turbo_v2_5',
      voice_settings: { stability: 0.4 },
    });
  });

  it('ends quietly on abort and cancels the request', async () => {
    const { double, tts } = await setup({ holdLastChunk: true });
    const controller = new AbortController();
    const received: Int16Array[] = [];
    for await (const chunk of tts.synthesize('A long sentence.', { signal: controller.signal })) {
      received.push(chunk);
      controller.abort();
    }
    expect(received).toHaveLength(1);
    await double.until(() => double.aborted === 1);
  });

  it('maps 401 to auth without leaking the key', async () => {
    double = await startElevenLabsDouble({ apiKey: 'the-real-key' });
    const tts = new ElevenLabsTts({ apiKey: API_KEY, voiceId: VOICE, baseUrl: double.url });
    const error = await failure(tts.synthesize('Hi.'));
    expect([error.kind, error.status]).toEqual(['auth', 401]);
    expect(error.message).not.toContain(API_KEY);
  });

  it('maps error statuses: 429 to rate_limit, 500 to server with the provider message', async () => {
    const limited = await setup({
      errorReply: { status: 429, detail: { status: 'too_many_concurrent_requests', message: 'Slow down.' } },
    });
    expect((await failure(limited.tts.synthesize('Hi.'))).kind).toBe('rate_limit');
    await limited.double.close();

    const broken = await setup({
      errorReply: { status: 500, detail: { status: 'internal_error', message: 'Synth crashed.' } },
    });
    const error = await failure(broken.tts.synthesize('Hi.'));
    expect(error.kind).toBe('server');
    expect(error.message).toContain('Synth crashed.');
  });

  it('maps a connection dropped mid-body to network', async () => {
    const { tts } = await setup({ dropAfterFirstChunk: true });
    const error = await failure(tts.synthesize('Hi.'));
    expect(error.kind).toBe('network');
  });

  it('maps a server that never answers to a timeout', async () => {
    const { tts } = await setup({ silent: true }, { timeoutMs: 200 });
    expect((await failure(tts.synthesize('Hi.'))).kind).toBe('timeout');
  });
});
