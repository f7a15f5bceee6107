import { type AudioSource, AudioStream, LocalAudioTrack } from '@livekit/rtc-node';

/** A subscriber's ear on an AudioSource: everything its track delivers through a real AudioStream. */
export interface Ear {
  /** Every sample received so far (silence included), at the ear's rate. */
  readonly samples: number[];
  stop(): Promise<void>;
}

/** Listens to `source` as a subscriber would (source -> track -> AudioStream at `rate`). */
export function listenTo(source: AudioSource, rate: number): Ear {
  const track = LocalAudioTrack.createAudioTrack('agent-voice', source);
  const reader = new AudioStream(track, { sampleRate: rate, numChannels: 1 }).getReader();
  const samples: number[] = [];
  const loop = (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      for (const s of value.data) samples.push(s);
    }
  })();
  return {
    samples,
    stop: async () => {
      await reader.cancel();
      await loop;
      await track.close();
    },
  };
}

/** `samples` without the near-silence before the first and after the last sample above `floor`. */
export function trimSilence(samples: ArrayLike<number>, floor = 64): Int16Array {
  let start = 0;
  let end = samples.length;
  while (start < end && Math.abs(samples[start] as number) <= floor) start++;
  while (end > start && Math.abs(samples[end - 1] as number) <= floor) end--;
  return Int16Array.from(Array.prototype.slice.call(samples, start, end) as number[]);
}

/**
 * How alike two recordings of one sound are over their whole length: the peak of their
 * normalised cross-correlation within ±maxLag samples (1 = the same waveform; a buzz or a
 * repeated fragment of the same loudness scores far lower).
 */
export function similarity(reference: ArrayLike<number>, heard: ArrayLike<number>, maxLag = 240): number {
  const energy = (x: ArrayLike<number>) => {
    let sum = 0;
    for (let i = 0; i < x.length; i++) sum += (x[i] as number) ** 2;
    return sum;
  };
  const norm = Math.sqrt(energy(reference) * energy(heard));
  if (norm === 0) return 0;
  let best = 0;
  for (let lag = -maxLag; lag <= maxLag; lag++) {
    let sum = 0;
    const from = Math.max(0, -lag);
    const to = Math.min(reference.length, heard.length - lag);
    for (let i = from; i < to; i++) sum += (reference[i] as number) * (heard[i + lag] as number);
    best = Math.max(best, sum / norm);
  }
  return best;
}
