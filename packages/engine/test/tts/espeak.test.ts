import { describe, expect, it } from 'vitest';
import { rms } from '../../src/audio/pcm';
import { createEspeakTts } from '../../src/providers/tts/espeak';
import { activeRegions, concat } from '../support';

async function collect(chunks: AsyncIterable<Int16Array>): Promise<Int16Array[]> {
  const out: Int16Array[] = [];
  for await (const chunk of chunks) out.push(chunk);
  return out;
}

describe('espeak TTS', () => {
  it('speaks a sentence as 20 ms chunks of audible 22,050 Hz audio', async () => {
    const tts = createEspeakTts();
    expect(tts).toMatchObject({ id: 'espeak', sampleRate: 22050 });
    const chunks = await collect(tts.synthesize('Hello there, how are you today?'));
    expect(chunks.slice(0, -1).every((c) => c.length === 441)).toBe(true);
    const audio = concat(...chunks);
    const seconds = audio.length / 22050;
    expect(seconds).toBeGreaterThan(1);
    expect(seconds).toBeLessThan(4);
    expect(rms(audio)).toBeGreaterThan(0.02);
    const regions = activeRegions(audio, { rate: 22050 });
    expect((regions.at(-1)?.endMs ?? 0) - (regions[0]?.startMs ?? 0)).toBeGreaterThan(800);
  });

  it('reuses its engine across calls with different voices and rates', async () => {
    const text = 'The quick brown fox jumps over the lazy dog.';
    const normal = concat(...(await collect(createEspeakTts().synthesize(text))));
    const fast = concat(...(await collect(createEspeakTts({ rate: 350 }).synthesize(text))));
    const again = concat(...(await collect(createEspeakTts().synthesize(text))));
    expect(fast.length).toBeLessThan(normal.length * 0.7);
    // Options of one call must not leak into the next.
    expect(Math.abs(again.length - normal.length)).toBeLessThan(normal.length * 0.02);
    const british = concat(...(await collect(createEspeakTts({ voice: 'en-gb' }).synthesize(text))));
    expect(british).not.toEqual(normal);
  });

  it('reads text that starts with a dash as text, not as an option', async () => {
    const audio = concat(...(await collect(createEspeakTts().synthesize('-v is not a voice option here'))));
    expect(audio.length / 22050).toBeGreaterThan(1);
  });

  it('stops when aborted, before or during the stream', async () => {
    const tts = createEspeakTts();
    await expect(collect(tts.synthesize('Never spoken.', { signal: AbortSignal.abort() }))).rejects.toThrow(/abort/i);
    const controller = new AbortController();
    const got: Int16Array[] = [];
    const run = (async () => {
      for await (const chunk of tts.synthesize('A long sentence that would take a few seconds to play.', {
        signal: controller.signal,
      })) {
        got.push(chunk);
        if (got.length === 3) controller.abort();
      }
    })();
    await expect(run).rejects.toThrow(/abort/i);
    expect(got.length).toBe(3);
  });

  it('reports an unknown voice clearly, and keeps working afterwards', async () => {
    await expect(collect(createEspeakTts({ voice: 'xx-nowhere' }).synthesize('Hi.'))).rejects.toThrow(
      /espeak-ng failed.*voice does not exist/,
    );
    expect((await collect(createEspeakTts().synthesize('Still here.'))).length).toBeGreaterThan(10);
  });

  it('yields nothing for blank text', async () => {
    expect(await collect(createEspeakTts().synthesize('  '))).toEqual([]);
  });
});
