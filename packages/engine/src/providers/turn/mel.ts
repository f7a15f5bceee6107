import { Fft } from './fft';

/**
 * Whisper-style log-mel features, as Smart Turn v3 was trained on (WhisperFeatureExtractor):
 * 16 kHz, n_fft 400, hop 160, periodic Hann window, centred frames with reflect padding,
 * power spectrum, 80 Slaney-normalised mel filters over 0..8 kHz, log10 clamped at 1e-10,
 * floored at (max - 8), then (x + 4) / 4. Written here (with fft.ts) because no maintained
 * npm package computes exactly these features without pulling in a full ML framework.
 */
export const whisperMel = { sampleRate: 16000, nFft: 400, hop: 160, nMels: 80 } as const;

/** Hz to mel on the Slaney scale (linear below 1 kHz, logarithmic above), as librosa's default. */
export function hzToMel(hz: number): number {
  if (hz < 1000) return hz / (200 / 3);
  return 15 + Math.log(hz / 1000) / (Math.log(6.4) / 27);
}

/** Mel on the Slaney scale back to Hz. */
export function melToHz(mel: number): number {
  if (mel < 15) return mel * (200 / 3);
  return 1000 * Math.exp((Math.log(6.4) / 27) * (mel - 15));
}

/** One triangular mel filter: weights for FFT bins start, start+1, ... */
export interface MelFilter {
  start: number;
  weights: Float32Array;
  /** Centre frequency in Hz. */
  centre: number;
}

/** Slaney-normalised triangular mel filters (librosa.filters.mel with htk=False, norm='slaney'). */
export function melFilterbank(
  nMels: number = whisperMel.nMels,
  nFft: number = whisperMel.nFft,
  sampleRate: number = whisperMel.sampleRate,
): MelFilter[] {
  const bins = nFft / 2 + 1;
  const maxMel = hzToMel(sampleRate / 2);
  const edges = Array.from({ length: nMels + 2 }, (_, i) => melToHz((maxMel * i) / (nMels + 1)));
  return Array.from({ length: nMels }, (_, m) => {
    const [low, centre, high] = [edges[m]!, edges[m + 1]!, edges[m + 2]!];
    const norm = 2 / (high - low);
    const weights: number[] = [];
    let start = -1;
    for (let k = 0; k < bins; k++) {
      const hz = (k * sampleRate) / nFft;
      const weight = Math.max(0, Math.min((hz - low) / (centre - low), (high - hz) / (high - centre)));
      if (weight > 0 && start === -1) start = k;
      if (start !== -1 && weight > 0) weights.push(weight * norm);
    }
    return { start: Math.max(start, 0), weights: Float32Array.from(weights), centre };
  });
}

const filters = melFilterbank();
const fft = new Fft(whisperMel.nFft);
const hann = Float64Array.from(
  { length: whisperMel.nFft },
  (_, n) => 0.5 - 0.5 * Math.cos((2 * Math.PI * n) / whisperMel.nFft),
);

/**
 * Log-mel spectrogram of 16 kHz samples, laid out [nMels, frames] (mel-major) with
 * frames = floor(samples / hop): Whisper computes one more centred frame and drops it.
 */
export function logMelSpectrogram(samples: Float32Array): { data: Float32Array; frames: number } {
  const { nFft, hop, nMels } = whisperMel;
  const frames = Math.floor(samples.length / hop);
  const data = new Float32Array(nMels * frames);
  const re = new Float64Array(nFft);
  const im = new Float64Array(nFft);
  const powers = [new Float64Array(nFft / 2 + 1), new Float64Array(nFft / 2 + 1)] as const;
  // Frames are real, so two of them share one complex FFT: frame t as the real part, t+1 as the imaginary.
  for (let t = 0; t < frames; t += 2) {
    for (let n = 0; n < nFft; n++) {
      re[n] = reflected(samples, t * hop + n - nFft / 2) * hann[n]!;
      im[n] = t + 1 < frames ? reflected(samples, (t + 1) * hop + n - nFft / 2) * hann[n]! : 0;
    }
    fft.transform(re, im);
    splitPowers(re, im, powers[0], powers[1]);
    for (let pair = 0; pair < 2 && t + pair < frames; pair++) {
      const power = powers[pair]!;
      for (let m = 0; m < nMels; m++) {
        const filter = filters[m]!;
        let energy = 0;
        for (let w = 0; w < filter.weights.length; w++) energy += filter.weights[w]! * power[filter.start + w]!;
        data[m * frames + t + pair] = Math.log10(Math.max(energy, 1e-10));
      }
    }
  }
  let max = Number.NEGATIVE_INFINITY;
  for (const value of data) max = Math.max(max, value);
  for (let i = 0; i < data.length; i++) data[i] = (Math.max(data[i]!, max - 8) + 4) / 4;
  return { data, frames };
}

/**
 * Power spectra of two real signals from the FFT Z of (a + i b):
 * A[k] = (Z[k] + conj Z[N-k]) / 2 and B[k] = (Z[k] - conj Z[N-k]) / 2i.
 */
function splitPowers(re: Float64Array, im: Float64Array, powerA: Float64Array, powerB: Float64Array): void {
  const n = re.length;
  for (let k = 0; k < powerA.length; k++) {
    const mirror = (n - k) % n;
    const sumRe = re[k]! + re[mirror]!;
    const diffRe = re[k]! - re[mirror]!;
    const sumIm = im[k]! + im[mirror]!;
    const diffIm = im[k]! - im[mirror]!;
    powerA[k] = (sumRe * sumRe + diffIm * diffIm) / 4;
    powerB[k] = (sumIm * sumIm + diffRe * diffRe) / 4;
  }
}

/** Sample i of the signal extended by mirror reflection at both ends (numpy's 'reflect', edge not repeated). */
function reflected(samples: Float32Array, i: number): number {
  const last = samples.length - 1;
  if (last <= 0) return samples[0] ?? 0;
  let j = i;
  while (j < 0 || j > last) j = j < 0 ? -j : 2 * last - j;
  return samples[j]!;
}
