import { CALLER_AUDIO_RATE } from '@parley/calls';

/** Caller audio may run this far ahead of the wall clock (network bursts, a paused tab catching up). */
export const BURST_MS = 2000;
/** Audio dropped past the allowance after which the call is closed: no honest client sends this. */
export const MAX_DROPPED_MS = 10_000;

/** What to do with one frame of caller audio. */
export type AudioVerdict = 'accept' | 'drop' | 'close';

/**
 * Keeps a call's inbound audio at real time: a phone or browser sends 1 s of audio per second, so
 * anything beyond the wall clock since the first frame plus BURST_MS is dropped (and never queued
 * in the runtime or the call's process); a caller that keeps flooding is closed.
 */
export class InboundAudioBudget {
  private firstAt: number | null = null;
  private acceptedMs = 0;
  private droppedMs = 0;

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** Judges a frame of `samples` 16 kHz samples; `droppedMs` grows by what was refused. */
  take(samples: number): AudioVerdict {
    const now = this.now();
    this.firstAt ??= now;
    const ms = (samples / CALLER_AUDIO_RATE) * 1000;
    if (this.acceptedMs + ms <= now - this.firstAt + BURST_MS) {
      this.acceptedMs += ms;
      return 'accept';
    }
    this.droppedMs += ms;
    return this.droppedMs > MAX_DROPPED_MS ? 'close' : 'drop';
  }

  /** Milliseconds of audio refused so far. */
  get dropped(): number {
    return this.droppedMs;
  }
}
