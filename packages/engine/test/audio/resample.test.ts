import { describe, expect, it } from 'vitest';
import { rms } from '../../src/audio/pcm';
import { Resampler, resample } from '../../src/audio/resample';
import { chunks, concat, sine } from '../support';

/** Frequency of a tone from its zero crossings (rising edges) per second. */
function measuredFrequency(samples: Int16Array, rate: number): number {
  let first = -1;
  let last = -1;
  let count = 0;
  for (let i = 1; i < samples.length; i++) {
    if ((samples[i - 1] as number) < 0 && (samples[i] as number) >= 0) {
      if (first < 0) first = i;
      last = i;
      count++;
    }
  }
  return ((count - 1) * rate) / (last - first);
}

/** The middle of a buffer, away from edge effects. */
const middle = (s: Int16Array) => s.subarray(Math.floor(s.length * 0.1), Math.floor(s.length * 0.9));

describe('Resampler', () => {
  it.each([
    [48000, 16000, 1000],
    [22050, 16000, 440],
    [22050, 48000, 3000],
    [16000, 48000, 1000],
    [44100, 16000, 5000],
  ])('%i -> %i Hz keeps a %i Hz sine at its frequency and level', (from, to, hz) => {
    const input = sine(hz, 1000, { rate: from, level: 0.5 });
    const output = resample(input, from, to);
    expect(output.length).toBe(Math.ceil((input.length * to) / from));
    expect(measuredFrequency(middle(output), to)).toBeCloseTo(hz, 0);
    expect(rms(middle(output))).toBeCloseTo(rms(middle(input)), 2);
  });

  it('removes content above the new Nyquist frequency instead of aliasing it', () => {
    // 12 kHz fits at 48 kHz but not at 16 kHz (Nyquist 8 kHz); unfiltered it would fold to 4 kHz.
    const output = resample(sine(12000, 500, { rate: 48000, level: 0.5 }), 48000, 16000);
    expect(rms(middle(output))).toBeLessThan(0.5 * 10 ** (-60 / 20));
  });

  it('gives the same samples chunked as in one call, for any chunk size', () => {
    const input = concat(sine(440, 300, { rate: 48000 }), sine(2500, 300, { rate: 48000, level: 0.3 }));
    const oneShot = resample(input, 48000, 16000);
    for (const size of [1, 7, 160, 480, 1000, 4801]) {
      const r = new Resampler(48000, 16000);
      const pieces = chunks(input, size).map((chunk) => r.push(chunk));
      const chunked = concat(...pieces, r.flush());
      expect(chunked).toEqual(oneShot);
    }
  });

  it('keeps its timing: a click stays where it was', () => {
    const input = new Int16Array(22050);
    input[11025] = 30000; // 0.5 s
    const output = resample(input, 22050, 16000);
    const at = output.reduce((best, v, i) => (Math.abs(v) > Math.abs(output[best] as number) ? i : best), 0);
    expect(Math.abs(at - 8000)).toBeLessThanOrEqual(1);
  });

  it('passes audio through unchanged at equal rates, streaming or not', () => {
    const input = sine(300, 50, { rate: 16000 });
    expect(resample(input, 16000, 16000)).toEqual(input);
    const r = new Resampler(16000, 16000);
    expect(concat(r.push(input.subarray(0, 100)), r.push(input.subarray(100)), r.flush())).toEqual(input);
  });

  it('rejects rates that are not positive integers', () => {
    expect(() => new Resampler(0, 16000)).toThrow(RangeError);
    expect(() => new Resampler(16000, 22050.5)).toThrow(RangeError);
  });
});
