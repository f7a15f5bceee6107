import { ENGINE_INPUT_RATE } from '../../src/audio/frame';
import { rms } from '../../src/audio/pcm';

/** Where a signal is audible, from its own 10 ms energy envelope. */
export interface ActiveRegion {
  startMs: number;
  endMs: number;
}

/**
 * The span of 10 ms frames louder than `thresholdDb` below the loudest frame: an independent
 * reference for where speech is, to check VAD timestamps against.
 */
export function activeRegions(
  samples: Int16Array,
  options: { rate?: number; thresholdDb?: number; mergeGapMs?: number } = {},
): ActiveRegion[] {
  const rate = options.rate ?? ENGINE_INPUT_RATE;
  const frame = Math.round(rate / 100);
  const levels: number[] = [];
  for (let at = 0; at + frame <= samples.length; at += frame) levels.push(rms(samples.subarray(at, at + frame)));
  const loudest = Math.max(...levels);
  const floor = loudest * 10 ** (-(options.thresholdDb ?? 35) / 20);
  const mergeGap = options.mergeGapMs ?? 300;
  const regions: ActiveRegion[] = [];
  levels.forEach((level, i) => {
    if (level < floor || loudest === 0) return;
    const last = regions.at(-1);
    if (last && i * 10 - last.endMs <= mergeGap) last.endMs = (i + 1) * 10;
    else regions.push({ startMs: i * 10, endMs: (i + 1) * 10 });
  });
  return regions;
}
