import type { PcmFrame } from '../audio/frame';
import type { Clock, TimerHandle } from '../session/clock';
import type { AudioOutput } from '../session/transport';

/** What the caller would have heard, and when (clock time, ms). */
export type PlaybackEntry =
  | { type: 'frame'; t: number; durationMs: number; samples: Int16Array; sampleRate: number }
  | { type: 'pause' | 'resume' | 'clear'; t: number; playedMs: number };

interface QueuedFrame {
  frame: PcmFrame;
  offsetMs: number;
  durationMs: number;
}

/**
 * An AudioOutput that "plays" at the clock's rate: playback position advances with clock time
 * while not paused, stalls when the queue runs dry, and every frame is logged with the time
 * it started playing. playedMs, clear, pause and resume behave as a speaker would.
 */
export class RecordingAudioOutput implements AudioOutput {
  /** Every frame played and every pause/resume/clear, in order. */
  readonly log: PlaybackEntry[] = [];
  private frames: QueuedFrame[] = [];
  private queuedMs = 0;
  /** Position (ms of the utterance) at `anchorAt`, and whether it moves since. */
  private position = 0;
  private anchorAt = 0;
  private paused = false;
  private utteranceOpen = false;
  private flushWaiters: (() => void)[] = [];
  private flushTimer: TimerHandle | null = null;

  constructor(
    private readonly clock: Clock,
    private readonly keepSamples = true,
  ) {}

  write(frame: PcmFrame): void {
    this.sync();
    if (!this.utteranceOpen) {
      this.utteranceOpen = true;
      this.frames = [];
      this.queuedMs = 0;
      this.position = 0;
    }
    const durationMs = (frame.samples.length / frame.sampleRate) * 1000;
    this.frames.push({ frame, offsetMs: this.queuedMs, durationMs });
    this.queuedMs += durationMs;
    this.sync();
    this.scheduleFlush();
  }

  flush(): Promise<void> {
    this.sync();
    if (!this.utteranceOpen || this.remainingMs() <= 0) {
      this.utteranceOpen = false;
      return Promise.resolve();
    }
    const done = new Promise<void>((resolve) => this.flushWaiters.push(resolve));
    this.scheduleFlush();
    return done;
  }

  clear(): void {
    this.sync();
    this.log.push({ type: 'clear', t: this.clock.now(), playedMs: this.position });
    this.frames = [];
    this.queuedMs = this.position;
    this.paused = false;
    this.endUtterance();
  }

  playedMs(): number {
    this.sync();
    return this.position;
  }

  pause(): void {
    this.sync();
    if (this.paused) return;
    this.paused = true;
    this.log.push({ type: 'pause', t: this.clock.now(), playedMs: this.position });
    this.cancelFlushTimer();
  }

  resume(): void {
    this.sync();
    if (!this.paused) return;
    this.paused = false;
    this.log.push({ type: 'resume', t: this.clock.now(), playedMs: this.position });
    this.scheduleFlush();
  }

  /** Clock time when the last logged frame stopped sounding (its end, or a pause/clear cutting it). */
  lastSoundAt(): number | null {
    let end: number | null = null;
    for (const entry of this.log) {
      if (entry.type === 'frame') end = entry.t + entry.durationMs;
      else if (entry.type !== 'resume' && end !== null) end = Math.min(end, entry.t);
    }
    return end;
  }

  /** Moves the position to now, logging frames that started playing meanwhile. */
  private sync(): void {
    const now = this.clock.now();
    const target = this.paused ? this.position : Math.min(this.queuedMs, this.position + (now - this.anchorAt));
    for (const queued of this.frames) {
      if (queued.offsetMs < this.position || queued.offsetMs >= target) continue;
      const { frame, durationMs } = queued;
      this.log.push({
        type: 'frame',
        t: this.anchorAt + (queued.offsetMs - this.position),
        durationMs,
        samples: this.keepSamples ? frame.samples : new Int16Array(0),
        sampleRate: frame.sampleRate,
      });
    }
    this.frames = this.frames.filter((f) => f.offsetMs >= target);
    this.position = target;
    this.anchorAt = now;
  }

  private scheduleFlush(): void {
    this.cancelFlushTimer();
    if (this.paused || this.flushWaiters.length === 0) return;
    this.flushTimer = this.clock.setTimer(() => {
      this.flushTimer = null;
      this.sync();
      if (this.remainingMs() <= 0) this.endUtterance();
      else this.scheduleFlush();
    }, Math.ceil(this.remainingMs()));
  }

  /** Audio still to play; sub-microsecond float leftovers count as none. */
  private remainingMs(): number {
    const left = this.queuedMs - this.position;
    return left < 1e-3 ? 0 : left;
  }

  private cancelFlushTimer(): void {
    if (this.flushTimer) this.clock.clearTimer(this.flushTimer);
    this.flushTimer = null;
  }

  private endUtterance(): void {
    this.cancelFlushTimer();
    this.utteranceOpen = false;
    for (const resolve of this.flushWaiters.splice(0)) resolve();
  }
}
