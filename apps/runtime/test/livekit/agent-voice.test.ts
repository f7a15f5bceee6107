import { AudioSource } from '@livekit/rtc-node';
import { createEspeakTts, ESPEAK_SAMPLE_RATE, resample } from '@parley/engine';
import { describe, expect, it } from 'vitest';
import { LiveKitAudioOutput } from '../../src/livekit/audio-output';
import { AGENT_AUDIO_RATE } from '../../src/livekit/conventions';
import { ResamplingAudioOutput } from '../../src/livekit/resampling-output';
import { listenTo, similarity, trimSilence } from '../support/listening';

const LINE = 'Thanks for calling Parley. How can I help you today?';

/** The TTS's own chunks for LINE, as the session receives them. */
async function speak(): Promise<Int16Array[]> {
  const chunks: Int16Array[] = [];
  for await (const chunk of createEspeakTts().synthesize(LINE)) chunks.push(chunk);
  return chunks;
}

const joined = (parts: Int16Array[]) => Int16Array.from(parts.flatMap((p) => Array.from(p)));

/** Samples two resamplers' outputs of one utterance may differ by in length (20 ms). */
const LENGTH_TOLERANCE = AGENT_AUDIO_RATE * 0.02;

/** Waits until the ear has heard `samples` samples of sound, give or take LENGTH_TOLERANCE. */
async function heardAll(ear: { samples: number[] }, samples: number) {
  await expect
    .poll(() => trimSilence(ear.samples).length, { timeout: 10_000 })
    .toBeGreaterThan(samples - LENGTH_TOLERANCE);
}

describe('what a subscriber hears of the agent voice (real AudioSource -> track -> AudioStream)', () => {
  it('hears the TTS utterance itself, resampled from 22.05 kHz, not a buzz of repeated fragments', async () => {
    const chunks = await speak();
    const reference = trimSilence(resample(joined(chunks), ESPEAK_SAMPLE_RATE, AGENT_AUDIO_RATE));
    const source = new AudioSource(AGENT_AUDIO_RATE, 1, 1000);
    const ear = listenTo(source, AGENT_AUDIO_RATE);
    const output = new ResamplingAudioOutput(new LiveKitAudioOutput(source), AGENT_AUDIO_RATE);
    // 20 ms views into one buffer, as a decoder hands them out: the resampler's input must be read right too.
    const all = joined(chunks);
    for (let at = 0; at < all.length; at += 441)
      output.write({ samples: all.subarray(at, at + 441), sampleRate: ESPEAK_SAMPLE_RATE });
    await output.flush();
    await heardAll(ear, reference.length);
    await ear.stop();
    const heard = trimSilence(ear.samples);
    expect(Math.abs(heard.length - reference.length)).toBeLessThan(LENGTH_TOLERANCE);
    expect(similarity(reference, heard)).toBeGreaterThan(0.9);
    await source.close();
  });

  it('plays audio already at the track rate sample for sample, however it is chunked', async () => {
    const utterance = resample(joined(await speak()), ESPEAK_SAMPLE_RATE, AGENT_AUDIO_RATE);
    const source = new AudioSource(AGENT_AUDIO_RATE, 1, 1000);
    const ear = listenTo(source, AGENT_AUDIO_RATE);
    const output = new LiveKitAudioOutput(source);
    // One large write, then views into a shared buffer (as a decoder hands them out).
    const half = Math.floor(utterance.length / 2);
    output.write({ samples: utterance.slice(0, half), sampleRate: AGENT_AUDIO_RATE });
    const rest = utterance.slice(half);
    for (let at = 0; at < rest.length; at += 333)
      output.write({ samples: rest.subarray(at, at + 333), sampleRate: AGENT_AUDIO_RATE });
    await output.flush();
    // Zeros left out on both sides: a busy machine may let the source run dry for a moment,
    // which the track fills with silence; every sample of the utterance must still arrive, in order.
    const voiced = (samples: ArrayLike<number>) => Array.from(samples).filter((v) => v !== 0);
    const expected = voiced(utterance);
    await expect.poll(() => voiced(ear.samples).length, { timeout: 10_000 }).toBe(expected.length);
    await ear.stop();
    expect(voiced(ear.samples)).toEqual(expected);
    await source.close();
  });
});
