import { describe, expect, it } from 'vitest';
import { readWav } from '../../src/audio/wav';
import { ProviderError } from '../../src/providers/errors';
import { EspeakPool } from '../../src/providers/tts/espeak-pool';

const args = { voice: 'en-us', rate: 175 };

describe('eSpeak NG programs shared by many calls (EspeakPool)', () => {
  it('spreads concurrent sentences over its programs; a killed program fails only what it held and is replaced', async () => {
    const pool = new EspeakPool(2);
    try {
      await pool.warm();
      const [first, second] = pool.pids();
      expect(pool.pids()).toHaveLength(2);
      expect(first).not.toBe(second);
      const sentences = ['One, two, three.', 'Four, five, six.', 'Seven, eight.', 'Nine, ten.'];
      const wavs = await Promise.all(sentences.map((text) => pool.synthesize(text, args, 10_000)));
      for (const wav of wavs) expect(readWav(wav).samples.length).toBeGreaterThan(2205);

      // One program dies with a sentence queued: that sentence fails, the other program's does not.
      const onFirst = pool.synthesize('A sentence long enough to still be queued when its program dies.', args, 10_000);
      const onSecond = pool.synthesize('The other program speaks this one.', args, 10_000);
      process.kill(first as number, 'SIGKILL');
      await expect(onFirst).rejects.toBeInstanceOf(ProviderError);
      expect(readWav(await onSecond).samples.length).toBeGreaterThan(2205);
      // The next sentence gets a new program in the dead one's place.
      expect(readWav(await pool.synthesize('Back again.', args, 10_000)).samples.length).toBeGreaterThan(2205);
      expect(pool.pids()).toHaveLength(2);
      expect(pool.pids()).not.toContain(first);
      expect(pool.pids()).toContain(second);
    } finally {
      pool.close();
    }
  });
});
