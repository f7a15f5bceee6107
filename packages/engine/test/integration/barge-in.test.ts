import { describe, expect, it } from 'vitest';
import { startTestSession } from '../../src/testing';
import { threeAgentFlow } from '../session/flows';
import { speechWav } from '../support';

/** One Silero window at 16 kHz. */
const vadWindowMs = 32;

function plan(interruption: Record<string, unknown>) {
  return threeAgentFlow({
    settings: { turnHandling: { interruption: { minDuration: 500, ...interruption } }, providers: {}, language: 'en' },
  });
}

describe('barge-in with real speech, Silero VAD and espeak', () => {
  it('stops the agent within minDuration + one VAD window and truncates the chat', async () => {
    const test = await startTestSession({ plan: plan({ resumeFalseInterruption: false }) });
    test.sendText('Tell me a story');
    await test.wait(2500);
    expect(test.session.state).toBe('speaking');
    // No pause in its first half second: pauses between words do not count toward minDuration.
    const speech = await speechWav('Hold on I need something else please');
    const onset = test.clock.now();
    await test.play(speech);
    await test.waitUntilIdle();

    const clear = test.transport.output.log.find((e) => e.type === 'clear');
    expect(clear, 'the output was cleared').toBeDefined();
    // espeak's WAV starts with a little silence: measure from the first voiced audio
    const firstVoiced = speech.samples.findIndex((s) => Math.abs(s) > 500);
    const voicedAt = onset + (firstVoiced / speech.sampleRate) * 1000;
    expect(clear!.t - voicedAt).toBeLessThanOrEqual(500 + vadWindowMs + 20);
    expect(test.transport.output.lastSoundAt()!).toBeLessThanOrEqual(clear!.t);

    const interrupted = test.events.find((e) => e.type === 'assistant_message' && e.interrupted);
    expect(interrupted?.type === 'assistant_message' && interrupted.text.length).toBeGreaterThan(0);
    const full = 'Once upon a time there was a small robot who loved to answer phones.';
    const stored = test.session.chat.find((m) => m.role === 'assistant' && m.content.startsWith('Once'));
    expect(stored?.content.length).toBeLessThan(full.length + 100);
    expect(stored?.content).not.toContain('Callers loved it.');
    await test.close();
  });

  it('a short vocal noise that the VAD hears as speech does not interrupt', async () => {
    const test = await startTestSession({ plan: plan({ resumeFalseInterruption: false }) });
    test.sendText('Tell me a story');
    await test.wait(2000);
    expect(test.session.state).toBe('speaking');
    // A grunt: Silero calls it speech (a broadband noise burst it ignores altogether), but briefly.
    const from = test.events.length;
    await test.play(await speechWav('uh'));
    await test.waitUntilIdle();
    const during = test.events.slice(from);
    const started = during.find((e) => e.type === 'user_speech_started');
    const stopped = during.find((e) => e.type === 'user_speech_stopped');
    expect(started, 'the VAD flagged the noise as speech').toBeDefined();
    expect(stopped?.type === 'user_speech_stopped' && stopped.speechDuration).toBeGreaterThan(0);
    expect(stopped?.type === 'user_speech_stopped' && stopped.speechDuration).toBeLessThan(500);
    const story = test.events.find((e) => e.type === 'assistant_message' && e.text.startsWith('Once'));
    // It was heard while the agent was still talking...
    expect(started!.t).toBeLessThan(story!.t);
    // ...and yet the agent went on to the end.
    expect(test.events.some((e) => e.type === 'interruption')).toBe(false);
    expect(test.transport.output.log.some((e) => e.type === 'clear')).toBe(false);
    expect(story).toMatchObject({ interrupted: false });
    expect(story?.type === 'assistant_message' && story.text).toContain('Callers loved it.');
    await test.close();
  });

  it('a false interruption pauses, then resumes where it stopped', async () => {
    const test = await startTestSession({
      plan: plan({ resumeFalseInterruption: true, minDuration: 2000, falseInterruptionTimeout: 600 }),
    });
    test.sendText('Tell me a story');
    await test.wait(2000);
    await test.play(await speechWav('hmm okay'));
    await test.waitUntilIdle();
    const log = test.transport.output.log.filter((e) => e.type !== 'frame').map((e) => e.type);
    expect(log).toEqual(['pause', 'resume']);
    expect(test.events.some((e) => e.type === 'false_interruption' && e.resumed)).toBe(true);
    const story = test.events.find((e) => e.type === 'assistant_message' && e.text.startsWith('Once'));
    expect(story).toMatchObject({ interrupted: false });
    expect(story?.type === 'assistant_message' && story.text).toContain('Callers loved it.');
    await test.close();
  });
});

describe('dynamic endpointing', () => {
  it('moves the end-of-turn delay toward the speaker pause length', async () => {
    const flow = threeAgentFlow({
      settings: {
        turnHandling: {
          endpointing: { mode: 'dynamic', minDelay: 400, maxDelay: 3000, alpha: 0.5 },
          vad: { minSilenceDuration: 300 },
        },
        providers: {},
        language: 'en',
      },
    });
    const test = await startTestSession({ plan: flow });
    const phrase = await speechWav('I would like to book a table');
    const delays: number[] = [];
    test.session.on((e) => {
      if (e.type === 'end_of_turn') delays.push(e.delay);
    });
    for (let i = 0; i < 5; i++) {
      await test.play(phrase);
      await test.wait(1200);
    }
    await test.close();
    expect(delays.length).toBeGreaterThanOrEqual(4);
    expect(delays[0]).toBe(400);
    for (let i = 1; i < delays.length; i++) expect(delays[i]!).toBeGreaterThan(delays[i - 1]!);
    expect(delays.at(-1)!).toBeLessThanOrEqual(1200 + 300);
  });
});
