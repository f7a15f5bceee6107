import { describe, expect, it } from 'vitest';
import { readWav } from '../../src/audio/wav';
import { compile } from '../../src/flow';
import { receptionistTemplate } from '../../src/templates/receptionist';
import { startTestSession } from '../../src/testing';
import { startOpenAiDouble } from '../doubles/openai';
import { threeAgentFlow } from '../session/flows';
import { speechWav } from '../support';
import { concat } from '../support/signals';

/**
 * The caller's line between words as a WebRTC track delivers it after Opus: not digital silence
 * but ±1–2 LSB of noise (deterministic, seeded).
 */
function lineNoise(ms: number, seed: number): Int16Array {
  const out = new Int16Array(Math.round(16 * ms));
  let state = seed;
  for (let i = 0; i < out.length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    out[i] = (state % 5) - 2;
  }
  return out;
}

const PHRASE = 'I have a question about my bill';

describe('batch STT hears the utterance, not the quiet before it', () => {
  for (const quietMs of [500, 5_000, 20_000]) {
    it(`recognises "${PHRASE}" after ${quietMs / 1000} s of line noise`, async () => {
      const speech = await speechWav(PHRASE);
      const test = await startTestSession({ plan: compile(receptionistTemplate.spec), maxRunMs: 120_000 });
      await test.start();
      const audio = concat(lineNoise(quietMs, quietMs), speech.samples, lineNoise(1500, 7));
      const result = await test.run({ audio: { samples: audio, sampleRate: 16000 } });
      result.expect.containsMessage({ role: 'user', content: PHRASE });
      result.expect.containsAgentHandoff({ newAgent: 'billing' });
      await test.close();
    });
  }
});

describe('batch STT over the OpenAI-compatible client (its double)', () => {
  const openAiPlan = () =>
    threeAgentFlow({ settings: { turnHandling: {}, providers: { stt: { provider: 'openai' } }, language: 'en' } });

  it('uploads the utterance with a short pre-roll, not the 20 s of quiet before it', async () => {
    const double = await startOpenAiDouble({ transcription: [[{ text: 'my name is Ada' }]] });
    const test = await startTestSession({
      plan: openAiPlan(),
      secrets: { OPENAI_API_KEY: double.apiKey },
      baseUrls: { openai: double.baseUrl },
      maxRunMs: 120_000,
    });
    await test.start();
    const speech = await speechWav('my name is Ada');
    await test.run({
      audio: { samples: concat(lineNoise(20_000, 3), speech.samples, lineNoise(1500, 4)), sampleRate: 16000 },
    });
    const upload = double.requests.find((r) => r.path.endsWith('/audio/transcriptions'));
    const wav = readWav(upload?.form?.files.file?.bytes ?? new Uint8Array());
    const uploadedMs = (wav.samples.length / wav.sampleRate) * 1000;
    const speechMs = (speech.samples.length / 16000) * 1000;
    // The speech plus at most the VAD's pre-roll (prefixPadding, 500 ms) and its end detection.
    expect(uploadedMs).toBeGreaterThan(speechMs * 0.6);
    expect(uploadedMs).toBeLessThan(speechMs + 1500);
    await test.close();
    await double.close();
  });

  it('asks the caller to repeat when real speech came back with no words', async () => {
    const double = await startOpenAiDouble({ transcription: [[{ text: '' }]] });
    const test = await startTestSession({
      plan: openAiPlan(),
      secrets: { OPENAI_API_KEY: double.apiKey },
      baseUrls: { openai: double.baseUrl },
    });
    await test.start();
    const result = await test.run({ audio: await speechWav('my name is Ada') });
    result.expect.containsMessage({ role: 'assistant', pattern: /say that again|repeat/i });
    await test.close();
    await double.close();
  });
});
