import { describe, expect, it } from 'vitest';
import { createEspeakTts } from '../../src/providers/tts/espeak';
import type { Tts } from '../../src/providers/tts/types';
import { userAwayPrompt } from '../../src/session/voice-session';
import { startTestSession } from '../../src/testing';
import { threeAgentFlow } from './flows';

describe('generation streams LLM text into TTS sentence by sentence', () => {
  it('makes the first TTS request before the LLM has finished', async () => {
    const order: string[] = [];
    const espeak = createEspeakTts();
    // The real espeak TTS, observed: each request is logged next to the LLM deltas.
    const observed: Tts = {
      id: espeak.id,
      sampleRate: espeak.sampleRate,
      synthesize: (text, options) => {
        order.push(`tts:${text}`);
        return espeak.synthesize(text, options);
      },
    };
    const test = await startTestSession({ plan: threeAgentFlow(), providers: { tts: () => observed } });
    test.session.on((e) => {
      if (e.type === 'assistant_text_delta') order.push('delta');
    });
    await test.run({ userInput: 'Tell me a story' });
    const firstTts = order.findIndex((o) => o.startsWith('tts:Once'));
    const lastDelta = order.lastIndexOf('delta');
    expect(firstTts).toBeGreaterThan(0);
    expect(firstTts).toBeLessThan(lastDelta);
    expect(order.filter((o) => o.startsWith('tts:')).length).toBeGreaterThanOrEqual(5);
    await test.close();
  });
});

describe('user away', () => {
  it('prompts after userAwayTimeout of silence, then ends the call', async () => {
    const flow = threeAgentFlow({
      settings: { turnHandling: { userAwayTimeout: 3000 }, providers: {}, language: 'en' },
    });
    const test = await startTestSession({ plan: flow });
    const greetingDone = test.clock.now();
    await test.wait(12000);
    const prompt = test.events.find((e) => e.type === 'assistant_message' && e.text === userAwayPrompt);
    expect(prompt).toBeDefined();
    expect(prompt!.t - greetingDone).toBeGreaterThanOrEqual(2900);
    const ended = test.events.find((e) => e.type === 'session_ended');
    expect(ended).toMatchObject({ reason: 'user_away' });
    expect(ended!.t - prompt!.t).toBeGreaterThanOrEqual(3000);
  });

  it('does not prompt a caller who keeps talking', async () => {
    const flow = threeAgentFlow({
      settings: { turnHandling: { userAwayTimeout: 3000 }, providers: {}, language: 'en' },
    });
    const test = await startTestSession({ plan: flow });
    for (let i = 0; i < 3; i++) {
      await test.wait(2000);
      await test.run({ userInput: 'Hi, my name is Bo' });
    }
    expect(test.events.some((e) => e.type === 'assistant_message' && e.text === userAwayPrompt)).toBe(false);
    await test.close();
  });
});

describe('end_call', () => {
  it('ends the session after the goodbye was spoken', async () => {
    const test = await startTestSession({ plan: threeAgentFlow() });
    const result = await test.run({ userInput: 'ok bye' });
    result.expect.containsFunctionCall({ name: 'end_call' });
    const said = result.events.find((e) => e.type === 'assistant_message' && e.text === 'Goodbye!');
    const ended = result.events.find((e) => e.type === 'session_ended');
    expect(ended).toMatchObject({ reason: 'end_call_tool' });
    expect(ended!.t).toBeGreaterThanOrEqual(said!.t);
    expect(test.transport.isClosed).toBe(true);
  });
});
