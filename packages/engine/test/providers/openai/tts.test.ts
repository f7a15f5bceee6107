import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Pcm16Chunker } from '../../../src/audio/pcm16-chunker';
import { createOpenAiTts } from '../../../src/providers/tts/openai';
import { type OpenAiDouble, pcmSpeechReply, startOpenAiDouble } from '../../doubles/openai';
import { caught, collect, deferred } from './helpers';

const tone = Int16Array.from({ length: 2400 }, (_, i) => Math.round(Math.sin(i / 7) * 20000));
const joined = (chunks: Int16Array[]) => chunks.flatMap((chunk) => Array.from(chunk));

describe('Pcm16Chunker', () => {
  it('rebuilds samples split at odd byte boundaries, negative ones included', () => {
    const samples = Int16Array.from([-32768, -1, 0, 1, 32767, -12345]);
    const bytes = new Uint8Array(samples.buffer);
    const chunker = new Pcm16Chunker();
    const out = [1, 0, 4, 3, 1, 3].reduce<{ at: number; got: number[] }>(
      ({ at, got }, size) => ({ at: at + size, got: [...got, ...chunker.push(bytes.subarray(at, at + size))] }),
      { at: 0, got: [] },
    );
    expect(out.got).toEqual(Array.from(samples));
  });
});

describe('OpenAI-compatible speech (TTS)', () => {
  let double: OpenAiDouble;
  beforeEach(async () => {
    double = await startOpenAiDouble();
  });
  afterEach(() => double.close());

  const tts = (overrides: { apiKey?: string; timeoutMs?: number } = {}) =>
    createOpenAiTts({
      apiKey: double.apiKey,
      baseUrl: double.baseUrl,
      model: 'gpt-4o-mini-tts',
      voice: 'coral',
      ...overrides,
    });

  it('asks for 24 kHz pcm and yields the exact samples from odd-sized network chunks', async () => {
    double.replies.speech.push(pcmSpeechReply(tone, 333));
    const speech = tts();
    expect(speech.sampleRate).toBe(24000);
    const chunks = await collect(speech.synthesize('Hello there.'));
    expect(joined(chunks)).toEqual(Array.from(tone));
    expect(double.requests[0]?.body).toEqual({
      model: 'gpt-4o-mini-tts',
      voice: 'coral',
      input: 'Hello there.',
      response_format: 'pcm',
    });
  });

  it('yields audio before the rest of the sentence has been generated', async () => {
    const firstHeard = deferred();
    const [head, ...tail] = pcmSpeechReply(tone, 1200);
    double.replies.speech.push([...(head ? [head] : []), { waitFor: firstHeard.promise }, ...tail]);
    const chunks: Int16Array[] = [];
    for await (const chunk of tts().synthesize('Hello there.')) {
      if (chunks.length === 0) {
        expect(double.requests[0]?.completed).toBe(false);
        firstHeard.resolve();
      }
      chunks.push(chunk);
    }
    expect(joined(chunks)).toEqual(Array.from(tone));
  });

  it.each([
    { status: 401, kind: 'auth' },
    { status: 429, kind: 'rate_limit' },
    { status: 500, kind: 'server' },
  ])('HTTP $status is a ProviderError of kind $kind', async ({ status, kind }) => {
    double.replies.speech.push([{ error: { status } }]);
    await expect(collect(tts().synthesize('Hi.'))).rejects.toMatchObject({ kind, status });
  });

  it('a wrong key is an auth error that never shows the key', async () => {
    const error = await caught(() => collect(tts({ apiKey: 'sk-WRONGKEYWRONGKEY' }).synthesize('Hi.')));
    expect(error).toMatchObject({ kind: 'auth' });
    expect((error as Error).message).not.toContain('WRONGKEY');
  });

  it('no audio within timeoutMs is a timeout, before or during the stream', async () => {
    double.replies.speech.push(
      [{ delayMs: 10_000 }],
      [...pcmSpeechReply(tone.subarray(0, 100), 200), { delayMs: 10_000 }],
    );
    await expect(collect(tts({ timeoutMs: 150 }).synthesize('Hi.'))).rejects.toMatchObject({ kind: 'timeout' });
    await expect(collect(tts({ timeoutMs: 150 }).synthesize('Hi.'))).rejects.toMatchObject({ kind: 'timeout' });
  });

  it('a socket dropped mid-stream is a network error', async () => {
    const firstHeard = deferred();
    double.replies.speech.push([
      ...pcmSpeechReply(tone.subarray(0, 100), 200),
      { waitFor: firstHeard.promise },
      { drop: true },
    ]);
    const error = await caught(async () => {
      for await (const _ of tts().synthesize('Hi.')) firstHeard.resolve();
    });
    expect(error).toMatchObject({ kind: 'network', retryable: true });
  });

  it('aborting stops the audio and hangs up', async () => {
    const released = deferred();
    const [head, ...tail] = pcmSpeechReply(tone, 1200);
    double.replies.speech.push([...(head ? [head] : []), { waitFor: released.promise }, ...tail]);
    const abort = new AbortController();
    const chunks: Int16Array[] = [];
    for await (const chunk of tts().synthesize('Hello there.', { signal: abort.signal })) {
      chunks.push(chunk);
      abort.abort();
    }
    await double.requests[0]?.closed;
    expect(double.requests[0]?.completed).toBe(false);
    released.resolve();
    const heard = joined(chunks);
    expect(heard.length).toBeGreaterThan(0);
    expect(heard.length).toBeLessThanOrEqual(600);
    expect(heard).toEqual(Array.from(tone.subarray(0, heard.length)));
  });
});
