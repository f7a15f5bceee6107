import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readWav } from '../../../src/audio/wav';
import { createOpenAiStt } from '../../../src/providers/stt/openai';
import type { SttEvent, SttStream } from '../../../src/providers/stt/types';
import { type OpenAiDouble, startOpenAiDouble } from '../../doubles/openai';
import { EventLog } from './helpers';

/** The uploaded file, read back as a WAV (the header must say 16 kHz mono PCM16). */
function uploadedWav(double: OpenAiDouble, index: number) {
  const file = double.requests[index]?.form?.files.file;
  expect(file?.type).toBe('audio/wav');
  return readWav(file?.bytes ?? new Uint8Array());
}

const ramp = (from: number, n: number) => Int16Array.from({ length: n }, (_, i) => from + i);

describe('OpenAI-compatible transcription (batch STT)', () => {
  let double: OpenAiDouble;
  let stream: SttStream;
  let events: EventLog<SttEvent>;
  beforeEach(async () => {
    double = await startOpenAiDouble();
  });
  afterEach(async () => {
    await stream?.close();
    await double.close();
  });

  const open = (overrides: { apiKey?: string; timeoutMs?: number } = {}) => {
    const stt = createOpenAiStt({
      apiKey: double.apiKey,
      baseUrl: double.baseUrl,
      model: 'gpt-4o-mini-transcribe',
      ...overrides,
    });
    expect(stt.streaming).toBe(false);
    stream = stt.stream({ language: 'en-US' });
    events = new EventLog<SttEvent>();
    stream.onEvent(events.push);
  };

  it('transcribes the buffered utterance as a 16 kHz WAV on endOfSpeech', async () => {
    double.replies.transcription.push([{ text: ' Book a table for two. ' }]);
    open();
    stream.pushAudio(ramp(-100, 160));
    stream.pushAudio(ramp(60, 160));
    stream.endOfSpeech();

    expect(await events.next('final')).toEqual({ type: 'final', text: 'Book a table for two.' });
    const form = double.requests[0]?.form;
    expect(form?.fields).toMatchObject({ model: 'gpt-4o-mini-transcribe', language: 'en', response_format: 'json' });
    const wav = uploadedWav(double, 0);
    expect(wav.sampleRate).toBe(16000);
    expect(Array.from(wav.samples)).toEqual([...ramp(-100, 160), ...ramp(60, 160)]);
  });

  it('discard() drops what was buffered, and each utterance gets its own final, in order', async () => {
    double.replies.transcription.push([{ delayMs: 50 }, { text: 'first' }], [{ text: 'second' }]);
    open();
    stream.pushAudio(ramp(0, 80));
    stream.discard();
    stream.pushAudio(ramp(1000, 80));
    stream.endOfSpeech();
    stream.pushAudio(ramp(2000, 80));
    stream.endOfSpeech();

    expect(await events.next('final')).toMatchObject({ text: 'first' });
    expect(await events.next('final')).toMatchObject({ text: 'second' });
    expect(Array.from(uploadedWav(double, 0).samples)).toEqual(Array.from(ramp(1000, 80)));
  });

  it('endOfSpeech with nothing buffered sends no request', async () => {
    open();
    stream.endOfSpeech();
    await stream.close();
    expect(double.requests).toEqual([]);
  });

  it.each([
    { status: 401, kind: 'auth' },
    { status: 429, kind: 'rate_limit' },
    { status: 500, kind: 'server' },
  ])('HTTP $status becomes an error event of kind $kind', async ({ status, kind }) => {
    double.replies.transcription.push([{ error: { status } }]);
    open();
    stream.pushAudio(ramp(0, 80));
    stream.endOfSpeech();
    expect((await events.next('error')).error).toMatchObject({ kind, status });
  });

  it('a wrong key is an auth error that never shows the key', async () => {
    open({ apiKey: 'sk-WRONGKEYWRONGKEY' });
    stream.pushAudio(ramp(0, 80));
    stream.endOfSpeech();
    const { error } = await events.next('error');
    expect(error).toMatchObject({ kind: 'auth' });
    expect(error.message).not.toContain('WRONGKEY');
  });

  it('no answer within timeoutMs is a timeout error event', async () => {
    double.replies.transcription.push([{ delayMs: 10_000 }, { text: 'late' }]);
    open({ timeoutMs: 150 });
    stream.pushAudio(ramp(0, 80));
    stream.endOfSpeech();
    expect((await events.next('error')).error).toMatchObject({ kind: 'timeout' });
  });

  it('a dropped connection is a network error event', async () => {
    double.replies.transcription.push([{ drop: true }]);
    open();
    stream.pushAudio(ramp(0, 80));
    stream.endOfSpeech();
    expect((await events.next('error')).error).toMatchObject({ kind: 'network' });
  });

  it('close() abandons an in-flight transcription without an error event', async () => {
    // The double never answers: close() returning at all shows it cancelled the request.
    double.replies.transcription.push([{ waitFor: new Promise(() => {}) }, { text: 'never' }]);
    open();
    stream.pushAudio(ramp(0, 80));
    stream.endOfSpeech();
    await stream.close();
    expect(events.events).toEqual([]);
  });
});
