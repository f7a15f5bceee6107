import type { SttEvent, SttStream } from '../../../src/providers/stt/types';

/** Everything a stream emitted, plus a way to wait for the first event matching a test. */
export function collectEvents(stream: SttStream) {
  const events: SttEvent[] = [];
  const waiters: Array<() => void> = [];
  stream.onEvent((event) => {
    events.push(event);
    for (const wake of waiters.splice(0)) wake();
  });
  return {
    events,
    /** Resolves with the first event (seen or future) that `match` accepts. */
    next(match: (event: SttEvent) => boolean): Promise<SttEvent> {
      return new Promise((resolve) => {
        const probe = () => {
          const found = events.find(match);
          if (found) resolve(found);
          else waiters.push(probe);
        };
        probe();
      });
    },
  };
}

/** 100 ms of a 440 Hz tone at 16 kHz: stands in for speech, and every sample differs from its neighbours. */
export function toneChunk(seed = 0): Int16Array {
  const samples = new Int16Array(1600);
  for (let i = 0; i < samples.length; i++)
    samples[i] = Math.round(8000 * Math.sin(((i + seed) * 2 * Math.PI * 440) / 16000));
  return samples;
}
