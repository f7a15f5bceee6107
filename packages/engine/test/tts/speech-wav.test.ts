import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { readWav } from '../../src/audio/wav';
import { activeRegions, speechWav } from '../support';

describe('speechWav test helper', () => {
  it('gives cached espeak speech at 16 and 48 kHz, the same words at both rates', async () => {
    const [low, high] = await Promise.all([speechWav('Good morning.'), speechWav('Good morning.', { rate: 48000 })]);
    expect(low.sampleRate).toBe(16000);
    expect(high.sampleRate).toBe(48000);
    expect(high.samples.length / low.samples.length).toBeCloseTo(3, 1);
    expect(readWav(await readFile(high.path))).toEqual({ samples: high.samples, sampleRate: 48000 });
    const speech = (f: typeof low) => activeRegions(f.samples, { rate: f.sampleRate });
    expect(Math.abs((speech(low)[0]?.startMs ?? -1) - (speech(high)[0]?.startMs ?? 99))).toBeLessThanOrEqual(20);
  });
});
