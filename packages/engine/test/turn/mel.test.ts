import { describe, expect, it } from 'vitest';
import { audioModelFeatures, audioModelWindowSamples } from '../../src/providers/turn/audio-model';
import { hzToMel, logMelSpectrogram, melFilterbank, melToHz } from '../../src/providers/turn/mel';

function sine(hz: number, seconds: number, amplitude = 0.5): Float32Array {
  return Float32Array.from({ length: seconds * 16000 }, (_, i) => amplitude * Math.sin((2 * Math.PI * hz * i) / 16000));
}

/** Mel bin with the most energy, summed over all frames. */
function peakBin(data: Float32Array, frames: number): number {
  let best = 0;
  let bestSum = Number.NEGATIVE_INFINITY;
  for (let m = 0; m < 80; m++) {
    let sum = 0;
    for (let t = 0; t < frames; t++) sum += data[m * frames + t] ?? 0;
    if (sum > bestSum) [best, bestSum] = [m, sum];
  }
  return best;
}

describe('Whisper log-mel features', () => {
  it('uses the Slaney mel scale: linear to 1 kHz, logarithmic above', () => {
    expect(hzToMel(1000)).toBeCloseTo(15, 9);
    expect(hzToMel(500)).toBeCloseTo(7.5, 9);
    expect(melToHz(hzToMel(3210))).toBeCloseTo(3210, 6);
  });

  it('has 80 triangular filters over 0..8 kHz with Slaney area normalisation', () => {
    const filters = melFilterbank();
    expect(filters).toHaveLength(80);
    // Centres on the Slaney scale (as librosa computes them): filter 26 sits at ~1005.6 Hz, 62 at ~4007.5 Hz.
    expect(filters[26]?.centre).toBeCloseTo(1005.645, 2);
    expect(filters[62]?.centre).toBeCloseTo(4007.513, 2);
    // Area normalised: a wide filter's weights, times the 40 Hz bin spacing, sum to about 1.
    for (const index of [50, 60, 70, 79]) {
      const weights = filters[index]?.weights ?? new Float32Array();
      expect(Math.abs(weights.reduce((a, b) => a + b, 0) * 40 - 1)).toBeLessThan(0.02);
    }
  });

  it('puts a 1 kHz sine in the mel bin centred nearest 1 kHz, and 4 kHz in bin 62', () => {
    const oneKilo = logMelSpectrogram(sine(1000, 1));
    expect(oneKilo.frames).toBe(100);
    expect(peakBin(oneKilo.data, oneKilo.frames)).toBe(26);
    const fourKilo = logMelSpectrogram(sine(4000, 1));
    expect(peakBin(fourKilo.data, fourKilo.frames)).toBe(62);
  });

  it('floors values at max - 8 (in log10) and scales by (x + 4) / 4', () => {
    const { data } = logMelSpectrogram(sine(1000, 1));
    const max = Math.max(...data);
    const min = Math.min(...data);
    // After scaling, a span of 8 in log10 becomes 2.
    expect(max - min).toBeCloseTo(2, 5);
  });

  it('gives silence the floor value everywhere: (log10(1e-10) + 4) / 4', () => {
    const features = audioModelFeatures(new Int16Array(16000));
    expect(features).toHaveLength(80 * 800);
    expect(features.every((value) => value === -1.5)).toBe(true);
  });

  it('keeps the last 8 s, zero-padded at the start, with the speech normalised', () => {
    const short = Int16Array.from(sine(440, 1, 0.1), (value) => Math.round(value * 32767 + 300));
    const window = audioModelWindowSamples(short);
    expect(window).toHaveLength(128000);
    expect(window.subarray(0, 112000).every((value) => value === 0)).toBe(true);
    const speech = window.subarray(112000);
    const mean = speech.reduce((a, b) => a + b, 0) / speech.length;
    const variance = speech.reduce((a, b) => a + (b - mean) ** 2, 0) / speech.length;
    expect(mean).toBeCloseTo(0, 5);
    expect(variance).toBeCloseTo(1, 3);

    const long = Int16Array.from({ length: 10 * 16000 }, (_, i) => (i < 2 * 16000 ? 0 : (i % 7) * 100));
    const cut = audioModelWindowSamples(long);
    // The first 2 s (the silent ones) were cut: the window starts in the patterned part.
    expect(cut).toHaveLength(128000);
    expect(cut[1]).not.toBe(cut[0]);
  });
});
