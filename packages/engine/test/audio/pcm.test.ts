import { describe, expect, it } from 'vitest';
import { Chunker } from '../../src/audio/chunker';
import { float32ToInt16, int16ToFloat32, peak, rms, toDbfs } from '../../src/audio/pcm';
import { concat, sine } from '../support';

describe('PCM helpers', () => {
  it('converts between Int16 and float, clipping out-of-range floats', () => {
    expect([...int16ToFloat32(Int16Array.of(-32768, 0, 16384))]).toEqual([-1, 0, 0.5]);
    expect([...float32ToInt16(Float32Array.of(-1, 0.5, 2, -2))]).toEqual([-32768, 16384, 32767, -32768]);
  });

  it('measures RMS and peak of a sine (RMS = peak / sqrt 2)', () => {
    const tone = sine(1000, 100, { level: 0.5 });
    expect(peak(tone)).toBeCloseTo(0.5, 3);
    expect(rms(tone)).toBeCloseTo(0.5 / Math.SQRT2, 3);
    expect(toDbfs(rms(tone))).toBeCloseTo(-9.03, 1);
    expect(rms(new Int16Array(0))).toBe(0);
  });
});

describe('Chunker', () => {
  it('re-frames uneven chunks into fixed windows without losing or reordering samples', () => {
    const input = Int16Array.from({ length: 1300 }, (_, i) => i);
    const chunker = new Chunker(512);
    const windows = [chunker.push(input.subarray(0, 100)), chunker.push(input.subarray(100, 1100))].flat();
    windows.push(...chunker.push(input.subarray(1100)));
    expect(windows.map((w) => w.length)).toEqual([512, 512]);
    expect(chunker.buffered).toBe(276);
    expect(concat(...windows, chunker.flush())).toEqual(input);
    expect(chunker.buffered).toBe(0);
  });

  it('hands out windows the caller can keep', () => {
    const chunker = new Chunker(2);
    const [a] = chunker.push(Int16Array.of(1, 2));
    chunker.push(Int16Array.of(3, 4));
    expect(a).toEqual(Int16Array.of(1, 2));
  });
});
