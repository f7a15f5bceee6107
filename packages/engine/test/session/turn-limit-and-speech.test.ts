import { describe, expect, it } from 'vitest';
import { createEspeakTts } from '../../src/providers/tts/espeak';
import type { Tts } from '../../src/providers/tts/types';
import { speakableText } from '../../src/session/speech-hygiene';
import { startTestSession } from '../../src/testing';
import { speechWav } from '../support/speech';
import { limitedFlow } from './flow-language-flows';

describe('user turn limit', () => {
  it('cuts in with the configured line once the caller has spoken longer than maxDurationMs', async () => {
    const plan = limitedFlow({ userTurnLimit: { maxDurationMs: 1500, line: 'Sorry to cut in.' } });
    const test = await startTestSession({ plan });
    const speech = await speechWav(
      'I would like to tell you about my long and complicated problem with the delivery of my order, which started last week on Monday and has not ended yet',
    );
    await test.play(speech);
    await test.waitUntilIdle();
    const started = test.events.find((e) => e.type === 'user_speech_started');
    const stopped = test.events.find((e) => e.type === 'user_speech_stopped');
    const cutIn = test.events.find((e) => e.type === 'assistant_message');
    expect(cutIn).toMatchObject({ text: 'Sorry to cut in.' });
    // The agent spoke while the caller was still talking, after the limit.
    const firstAudio = test.transport.output.log.find((e) => e.type === 'frame');
    expect(started && firstAudio && firstAudio.t - started.t).toBeGreaterThanOrEqual(1500);
    expect(stopped && firstAudio && firstAudio.t < stopped.t).toBe(true);
    await test.close();
  });

  it('does not cut in when the caller stays within the limit', async () => {
    const plan = limitedFlow({ userTurnLimit: { maxDurationMs: 8000, line: 'Sorry to cut in.' } });
    const test = await startTestSession({ plan });
    await test.play(await speechWav('Hello there'));
    await test.waitUntilIdle();
    expect(test.events.some((e) => e.type === 'assistant_message' && e.text === 'Sorry to cut in.')).toBe(false);
    await test.close();
  });
});

describe('speech hygiene', () => {
  it('removes markdown and emoji and applies pronunciations', () => {
    const hygiene = { filterMarkup: true, pronunciations: [{ word: 'SQL', say: 'sequel' }] };
    expect(
      speakableText('# Title\n- **Bold** and _it_ `code` 🎉👍🏽 [link](https://a.b) SQL, sql! MySQL', hygiene),
    ).toBe('Title\nBold and it code  link sequel, sequel! MySQL'.replace('  ', ' '));
    expect(speakableText('Press # then *', hygiene)).toBe('Press # then *');
  });

  it('the TTS hears the cleaned text while the transcript keeps what the LLM wrote', async () => {
    const heard: string[] = [];
    const espeak = createEspeakTts();
    const observed: Tts = {
      id: espeak.id,
      sampleRate: espeak.sampleRate,
      synthesize: (text, options) => {
        heard.push(text);
        return espeak.synthesize(text, options);
      },
    };
    const plan = limitedFlow({ speech: { filterMarkup: true, pronunciations: [{ word: 'SQL', say: 'sequel' }] } });
    const test = await startTestSession({ plan, providers: { tts: () => observed } });
    const result = await test.run({ userInput: 'show me the format' });
    expect(heard.join(' ')).toBe('Hello from Parley! Ask about sequel in the docs.');
    const written = result.events.find((e) => e.type === 'assistant_message');
    expect(written).toMatchObject({ text: '**Hello** from _Parley_ 🎉! Ask about SQL in the [docs](https://x.y).' });
    await test.close();
  });
});
