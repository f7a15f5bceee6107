import { afterEach, describe, expect, it } from 'vitest';
import { createEspeakTts } from '../../src/providers/tts/espeak';
import type { Tts } from '../../src/providers/tts/types';
import { startTestSession, type TestSession } from '../../src/testing';
import { type OpenAiDouble, startOpenAiDouble } from '../doubles/openai';
import { threeAgentFlow } from '../session/flows';
import { speechWav } from '../support';

/** Long enough that a reply started on the final transcript is clearly ahead of the turn's end. */
const minDelay = 2000;

/** The last user message of each chat completion request the double received. */
function lastUserMessages(double: OpenAiDouble): string[] {
  return double.requests
    .filter((r) => r.path.endsWith('/chat/completions'))
    .map((r) => {
      const { messages } = r.body as { messages: { role: string; content: string }[] };
      return messages.filter((m) => m.role === 'user').at(-1)?.content ?? '';
    });
}

describe('preemptive generation (Silero VAD, OpenAI STT and LLM clients against the double, espeak)', () => {
  let double: OpenAiDouble;
  let test: TestSession;
  /** TTS requests and end-of-turn decisions, in the order they happened. */
  let order: string[];

  afterEach(async () => {
    await test?.close();
    await double?.close();
  });

  async function start() {
    double = await startOpenAiDouble();
    order = [];
    const espeak = createEspeakTts();
    // The real espeak TTS, observed: each request is logged next to the turn decisions.
    const observed: Tts = {
      id: espeak.id,
      sampleRate: espeak.sampleRate,
      synthesize: (text, options) => {
        order.push(`tts:${text}`);
        return espeak.synthesize(text, options);
      },
    };
    const plan = threeAgentFlow({
      settings: {
        turnHandling: {
          preemptiveGeneration: { enabled: true },
          endpointing: { mode: 'fixed', minDelay, maxDelay: 4000 },
          vad: { minSilenceDuration: 300 },
        },
        providers: { llm: { provider: 'openai' }, stt: { provider: 'openai' } },
        language: 'en',
      },
    });
    delete plan.agents.reception?.greeting;
    test = await startTestSession({
      plan,
      secrets: { OPENAI_API_KEY: double.apiKey },
      baseUrls: { openai: double.baseUrl },
      providers: { tts: () => observed },
    });
    test.session.on((e) => {
      if (e.type === 'end_of_turn') order.push('end_of_turn');
    });
  }

  it('starts the reply on the final transcript and uses it when the turn ends with the same text', async () => {
    await start();
    double.replies.transcription.push([{ text: 'What are your opening hours?' }]);
    double.replies.chat.push([{ text: 'We open at nine.' }]);
    const result = await test.run({ audio: await speechWav('What are your opening hours?') });

    expect(lastUserMessages(double)).toEqual(['What are your opening hours?']);
    expect(order).toEqual(['tts:We open at nine.', 'end_of_turn']);
    result.expect.nextEvent().isMessage({ role: 'user', content: 'What are your opening hours?' });
    result.expect.nextEvent().isMessage({ role: 'assistant', content: 'We open at nine.' });
    result.expect.noMoreEvents();
    // Held until the turn was over: nothing was heard before end_of_turn.
    const turnEnd = result.events.find((e) => e.type === 'end_of_turn')!;
    const firstFrame = test.transport.output.log.find((e) => e.type === 'frame')!;
    expect(Math.round(firstFrame.t * 10) / 10).toBeGreaterThanOrEqual(turnEnd.t); // events carry 0.1 ms
    const textDelta = result.events.find((e) => e.type === 'assistant_text_delta')!;
    expect(textDelta.t).toBeGreaterThanOrEqual(turnEnd.t);
    // The adopted reply is measured like any other: real end of speech to first audio played.
    const metrics = result.events.find((e) => e.type === 'metrics');
    if (metrics?.type !== 'metrics') throw new Error('no metrics event');
    const speechEndAt = turnEnd.t - metrics.metrics.endOfUtteranceDelay;
    expect(metrics.metrics.voiceToVoice).toBeCloseTo(firstFrame.t - speechEndAt, 0);
  });

  it('discards the early reply when the caller goes on, and answers the final text', async () => {
    await start();
    double.replies.transcription.push([{ text: 'I have a question' }], [{ text: 'about my bill' }]);
    double.replies.chat.push([{ text: 'Ask away.' }], [{ text: 'Billing can help with that.' }]);
    await test.play(await speechWav('I have a question'));
    // A pause shorter than the endpointing delay, long enough for the early reply to start.
    for (let waited = 0; lastUserMessages(double).length === 0 && waited < 1200; waited += 20) await test.wait(20);
    const result = await test.run({ audio: await speechWav('about my bill') });

    expect(lastUserMessages(double)).toEqual(['I have a question', 'I have a question about my bill']);
    expect(test.events.filter((e) => e.type === 'end_of_turn')).toHaveLength(1);
    const said = test.events.flatMap((e) =>
      e.type === 'assistant_message' || e.type === 'assistant_text_delta'
        ? [e.type === 'assistant_message' ? e.text : e.delta]
        : [],
    );
    expect(said).not.toContain('Ask away.');
    expect(said.at(-1)).toBe('Billing can help with that.');
    expect(order.filter((o) => o.startsWith('tts:'))).toEqual(['tts:Ask away.', 'tts:Billing can help with that.']);
    expect(test.session.chat.filter((m) => m.role !== 'system')).toEqual([
      { role: 'user', content: 'I have a question about my bill' },
      { role: 'assistant', content: 'Billing can help with that.' },
    ]);
    // None of the discarded reply's audio reached the caller.
    const heardMs = test.transport.output.log.reduce((ms, e) => ms + (e.type === 'frame' ? e.durationMs : 0), 0);
    const answer = await speechWav('Billing can help with that.');
    expect(heardMs).toBeLessThan((answer.samples.length / answer.sampleRate) * 1000 + 300);
    result.expect.containsMessage({ role: 'assistant', content: 'Billing can help with that.' });
  });
});
