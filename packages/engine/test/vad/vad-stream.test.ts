import { beforeAll, describe, expect, it } from 'vitest';
import { turnHandlingDefaults } from '../../src/flow/defaults';
import type { VadEvent, VadSettings } from '../../src/providers/vad/types';
import { createVadStream } from '../../src/providers/vad/vad-stream';
import { activeRegions, chunks, concat, noiseBurst, silence, speechWav } from '../support';

const RATE = 16000;
const ms = (n: number) => Math.round((n / 1000) * RATE);
const defaults = turnHandlingDefaults.vad;

/** Runs audio through a fresh stream in 20 ms pieces, as a transport would deliver it. */
async function detect(audio: Int16Array, settings: Partial<VadSettings> = {}): Promise<VadEvent[]> {
  const stream = createVadStream({ ...defaults, ...settings });
  const events: VadEvent[] = [];
  for (const piece of chunks(audio, ms(20))) events.push(...(await stream.push(piece)));
  await stream.close();
  return events;
}

/** Where a phrase's speech lies inside its own samples (espeak pads it with some silence). */
function span(samples: Int16Array): { startMs: number; endMs: number } {
  const regions = activeRegions(samples);
  return { startMs: regions[0]?.startMs ?? 0, endMs: regions.at(-1)?.endMs ?? 0 };
}
const durationMs = (samples: Int16Array) => (samples.length / RATE) * 1000;

const transitions = (events: VadEvent[]) => events.filter((e) => e.type !== 'inference');
const maxRaw = (events: VadEvent[]) => Math.max(...events.map((e) => (e.type === 'inference' ? e.rawProbability : 0)));

let hello: Int16Array;
let yes: Int16Array;
beforeAll(async () => {
  hello = (await speechWav('Hello, I would like to book a table for two tonight.')).samples;
  yes = (await speechWav('Yes, at eight o clock please.')).samples;
});

describe('Silero VAD stream on real speech', () => {
  it('finds one utterance where the signal energy says the speech is, with its audio', async () => {
    const audio = concat(silence(1000), hello, silence(1000));
    const [truth] = activeRegions(audio);
    const events = await detect(audio);
    const [start, end, ...rest] = transitions(events);
    expect(rest).toEqual([]);
    if (start?.type !== 'speech_start' || end?.type !== 'speech_end') throw new Error('expected start then end');

    expect(Math.abs(start.timestamp - (truth?.startMs ?? 0))).toBeLessThanOrEqual(100);
    expect(Math.abs(end.timestamp - (truth?.endMs ?? 0))).toBeLessThanOrEqual(150);
    expect(end.speechDuration).toBeCloseTo(end.timestamp - start.timestamp, 6);
    // The utterance audio is the input itself, from prefixPadding before the start to the end.
    const from = ms(start.timestamp - defaults.prefixPadding);
    expect(end.audio).toEqual(audio.subarray(from, ms(end.timestamp)));
    expect(start.audio).toEqual(audio.subarray(from, from + start.audio.length));
    expect(start.audio.length).toBeGreaterThanOrEqual(ms(defaults.prefixPadding + defaults.minSpeechDuration));
  });

  it('reports one inference per 32 ms window, in order, with the speaking state', async () => {
    const audio = concat(silence(500), hello, silence(800));
    const events = await detect(audio);
    const inferences = events.filter((e) => e.type === 'inference');
    expect(inferences.length).toBe(Math.floor(audio.length / 512));
    for (const [i, e] of inferences.entries()) expect(e.timestamp).toBeCloseTo((i + 1) * 32, 6);
    const start = transitions(events)[0];
    const firstSpeaking = inferences.find((e) => e.speaking);
    // speech_start comes right after the inference that confirmed it.
    expect(events[events.indexOf(start as VadEvent) - 1]).toBe(firstSpeaking);
  });

  it('stays quiet on silence', async () => {
    const events = await detect(silence(3000));
    expect(transitions(events)).toEqual([]);
    expect(maxRaw(events)).toBeLessThan(0.1);
  });

  it('splits two phrases separated by a long pause into two utterances', async () => {
    const audio = concat(silence(500), hello, silence(1000), yes, silence(1000));
    const secondAt = 500 + durationMs(hello) + 1000;
    const truth = [
      [500 + span(hello).startMs, 500 + span(hello).endMs],
      [secondAt + span(yes).startMs, secondAt + span(yes).endMs],
    ].flat();
    const found = transitions(await detect(audio));
    expect(found.map((e) => e.type)).toEqual(['speech_start', 'speech_end', 'speech_start', 'speech_end']);
    for (const [i, e] of found.entries()) expect(Math.abs(e.timestamp - (truth[i] ?? 0))).toBeLessThanOrEqual(150);
  });

  it('keeps one utterance across a pause shorter than minSilenceDuration', async () => {
    const audio = concat(silence(500), hello, silence(200), yes, silence(1000));
    // espeak ends and starts each phrase with some silence of its own: measure the real pause.
    const pause = durationMs(hello) - span(hello).endMs + 200 + span(yes).startMs;
    expect(pause).toBeGreaterThan(200);
    expect(pause).toBeLessThan(550);
    const found = transitions(await detect(audio, { minSilenceDuration: 550 }));
    expect(found.map((e) => e.type)).toEqual(['speech_start', 'speech_end']);
    const end = 500 + durationMs(hello) + 200 + span(yes).endMs;
    expect(Math.abs((found[1]?.timestamp ?? 0) - end)).toBeLessThanOrEqual(150);
    // With a short enough minSilenceDuration the same audio splits in two.
    expect(transitions(await detect(audio, { minSilenceDuration: 100 })).length).toBe(4);
  });

  it('ignores a cough-like noise burst: Silero itself scores it far below speech', async () => {
    const events = await detect(concat(silence(500), noiseBurst(100, { level: 0.8 }), silence(1000)), {
      minSpeechDuration: 150,
    });
    expect(transitions(events)).toEqual([]);
    expect(maxRaw(events)).toBeLessThan(0.2);
  });

  it('needs speech to last minSpeechDuration before speech_start', async () => {
    // 100 ms cut from the middle of a word: Silero scores it as speech for about three windows.
    const blip = concat(silence(500), hello.slice(ms(1500), ms(1600)), silence(1000));
    expect(transitions(await detect(blip, { minSpeechDuration: 50 })).map((e) => e.type)).toEqual([
      'speech_start',
      'speech_end',
    ]);
    expect(transitions(await detect(blip, { minSpeechDuration: 150 }))).toEqual([]);
  });

  it('gives the same events whatever the chunk size', async () => {
    const audio = concat(silence(300), yes, silence(700));
    const stream = createVadStream(defaults);
    const whole = await stream.push(audio);
    const pieces = await detect(audio);
    expect(pieces).toEqual(whole);
  });

  it('keeps each stream’s state apart while they share one model session', async () => {
    const a = concat(silence(300), hello, silence(700));
    const b = concat(silence(900), yes, silence(700));
    const alone = [await detect(a), await detect(b)];
    const [sa, sb] = [createVadStream(defaults), createVadStream(defaults)];
    const together: VadEvent[][] = [[], []];
    const pa = chunks(a, ms(20));
    const pb = chunks(b, ms(20));
    for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
      const [ea, eb] = await Promise.all([sa.push(pa[i] ?? new Int16Array(0)), sb.push(pb[i] ?? new Int16Array(0))]);
      together[0]?.push(...ea);
      together[1]?.push(...eb);
    }
    expect(together).toEqual(alone);
  });

  it('reset() drops a speech in progress and keeps the clock', async () => {
    const stream = createVadStream(defaults);
    const before = await stream.push(concat(silence(300), hello.subarray(0, ms(1000))));
    expect(transitions(before).map((e) => e.type)).toEqual(['speech_start']);
    const consumed = before.at(-1)?.timestamp ?? 0;
    await stream.reset();
    const after = await stream.push(silence(1000));
    expect(transitions(after)).toEqual([]);
    expect(after[0]?.timestamp).toBeGreaterThan(consumed);
    await stream.close();
    await expect(stream.push(silence(100))).rejects.toThrow(/closed/);
  });
});
