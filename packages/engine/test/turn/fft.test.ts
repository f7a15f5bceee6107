import { describe, expect, it } from 'vitest';
import { Fft } from '../../src/providers/turn/fft';

/** The textbook O(n^2) DFT, as the reference. */
function naiveDft(re: Float64Array, im: Float64Array): [Float64Array, Float64Array] {
  const n = re.length;
  const outRe = new Float64Array(n);
  const outIm = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    for (let t = 0; t < n; t++) {
      const angle = (-2 * Math.PI * k * t) / n;
      outRe[k] = (outRe[k] ?? 0) + (re[t] ?? 0) * Math.cos(angle) - (im[t] ?? 0) * Math.sin(angle);
      outIm[k] = (outIm[k] ?? 0) + (re[t] ?? 0) * Math.sin(angle) + (im[t] ?? 0) * Math.cos(angle);
    }
  }
  return [outRe, outIm];
}

function seededNoise(n: number, seed: number): Float64Array {
  let state = seed;
  return Float64Array.from({ length: n }, () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 1073741824 - 1;
  });
}

describe('mixed-radix FFT', () => {
  for (const size of [400, 512, 60, 49, 7, 1]) {
    it(`matches the naive DFT for length ${size}`, () => {
      const re = seededNoise(size, size);
      const im = seededNoise(size, size + 1);
      const [expectedRe, expectedIm] = naiveDft(re, im);
      new Fft(size).transform(re, im);
      for (let k = 0; k < size; k++) {
        expect(re[k]).toBeCloseTo(expectedRe[k] ?? Number.NaN, 8);
        expect(im[k]).toBeCloseTo(expectedIm[k] ?? Number.NaN, 8);
      }
    });
  }
});
