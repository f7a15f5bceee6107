import { afterEach, describe, expect, it } from 'vitest';
import type { SessionEvent } from '../../src/session/events';
import { startTestSession, type TestSession } from '../../src/testing';
import { type OpenAiDouble, startOpenAiDouble } from '../doubles/openai';
import { threeAgentFlow } from '../session/flows';
import { speechWav } from '../support';

const minDelay = 500;
const maxDelay = 3000;

type Of<T extends SessionEvent['type']> = Extract<SessionEvent, { type: T }>;

function only<T extends SessionEvent['type']>(events: readonly SessionEvent[], type: T): Of<T>[] {
  return events.filter((e): e is Of<T> => e.type === type);
}

describe('model turn detection with the builtin text detector (Silero VAD, OpenAI STT double)', () => {
  let double: OpenAiDouble;
  let test: TestSession;

  afterEach(async () => {
    await test?.close();
    await double?.close();
  });

  async function turn(said: string, transcript: string) {
    double.replies.transcription.push([{ text: transcript }]);
    return test.run({ audio: await speechWav(said) });
  }

  it('waits maxDelay after an unfinished phrase and minDelay after a complete one', async () => {
    double = await startOpenAiDouble();
    test = await startTestSession({
      plan: threeAgentFlow({
        settings: {
          turnHandling: {
            turnDetection: 'model',
            turnModel: { kind: 'builtin' },
            endpointing: { mode: 'fixed', minDelay, maxDelay },
          },
          providers: { stt: { provider: 'openai' } },
          language: 'en',
        },
      }),
      secrets: { OPENAI_API_KEY: double.apiKey },
      baseUrls: { openai: double.baseUrl },
    });

    const complete = await turn('My name is Bo.', 'My name is Bo.');
    const unfinished = await turn('I have a question about my bill and', 'I have a question about my bill and');

    const [completeTurn] = only(complete.events, 'end_of_turn');
    const [completeScore] = only(complete.events, 'turn_probability');
    expect(completeScore?.threshold).toBe(0.5);
    expect(completeScore?.probability).toBeGreaterThan(0.5);
    expect(completeTurn).toMatchObject({ mode: 'model', probability: completeScore?.probability, delay: minDelay });

    const [unfinishedTurn] = only(unfinished.events, 'end_of_turn');
    const [unfinishedScore] = only(unfinished.events, 'turn_probability');
    expect(unfinishedScore?.probability).toBeLessThan(0.5);
    expect(unfinishedTurn).toMatchObject({ mode: 'model', probability: unfinishedScore?.probability, delay: maxDelay });

    // The delays really were waited, counted from the real end of speech (session time).
    const [completeMetrics] = only(complete.events, 'metrics');
    const [unfinishedMetrics] = only(unfinished.events, 'metrics');
    expect(completeMetrics?.metrics.endOfUtteranceDelay).toBeGreaterThanOrEqual(minDelay);
    expect(completeMetrics?.metrics.endOfUtteranceDelay).toBeLessThan(maxDelay);
    expect(unfinishedMetrics?.metrics.endOfUtteranceDelay).toBeGreaterThanOrEqual(maxDelay);
    // The score is known before the turn ends.
    expect(unfinishedScore!.t).toBeLessThan(unfinishedTurn!.t);
    expect(unfinishedTurn!.t - unfinishedScore!.t).toBeGreaterThan(minDelay);
  });
});
