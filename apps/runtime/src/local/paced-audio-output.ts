import type { AudioOutput, PcmFrame } from '@parley/engine';
import type { PlaybackAction } from '../isolation/ipc-messages';

/** Where paced audio goes: the browser, which plays each frame as it arrives. */
export interface PacedAudioSink {
  audio(samples: Int16Array, sampleRate: number): void;
  playback(action: PlaybackAction): void;
}

/** Audio sent ahead of real time: enough to ride out network jitter, little enough that clear() stops speech fast. */
export const LEAD_MS = 120;
/** Size of the frames sent to the browser. */
export const CHUNK_MS = 20;

interface Chunk {
  samples: Int16Array;
  sampleRate: number;
  durationMs: number;
}

/**
 * The agent's voice to a browser that plays what it receives. Audio is sent at real time plus
 * LEAD_MS, so the position is known from the wall clock: playedMs is the time since the
 * utterance's first frame went out (less pauses), never more than what was sent; when the
 * browser ran dry waiting for audio, the clock restarts from the next frame.
 */
export class PacedAudioOutput implements AudioOutput {
  private queue: Chunk[] = [];
  private sentMs = 0;
  private startedAt: number | null = null;
  private pausedAt: number | null = null;
  private open = false;
  private flushWaiters: (() => void)[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly sink: PacedAudioSink,
    private readonly now: () => number = () => performance.now(),
  ) {}

  write(frame: PcmFrame): void {
    if (!this.open) this.startUtterance();
    const size = Math.max(1, Math.round((frame.sampleRate * CHUNK_MS) / 1000));
    for (let i = 0; i < frame.samples.length; i += size) {
      const samples = frame.samples.slice(i, i + size);
      this.queue.push({
        samples,
        sampleRate: frame.sampleRate,
        durationMs: (samples.length / frame.sampleRate) * 1000,
      });
    }
    this.pump();
  }

  flush(): Promise<void> {
    if (!this.open) return Promise.resolve();
    const done = new Promise<void>((resolve) => this.flushWaiters.push(resolve));
    this.pump();
    return done;
  }

  clear(): void {
    if (this.open && this.startedAt !== null) this.sink.playback('clear');
    this.sentMs = this.playedMs();
    this.queue = [];
    this.pausedAt = null;
    this.endUtterance();
  }

  playedMs(): number {
    if (this.startedAt === null) return 0;
    return Math.min(this.sentMs, (this.pausedAt ?? this.now()) - this.startedAt);
  }

  pause(): void {
    if (this.pausedAt !== null) return;
    this.pausedAt = this.now();
    this.cancelTimer();
    if (this.open) this.sink.playback('pause');
  }

  resume(): void {
    if (this.pausedAt === null) return;
    // Shift the start so the position resumes where the pause left it.
    if (this.startedAt !== null) this.startedAt += this.now() - this.pausedAt;
    this.pausedAt = null;
    if (this.open) this.sink.playback('resume');
    this.pump();
  }

  private startUtterance(): void {
    this.open = true;
    this.sentMs = 0;
    this.startedAt = null;
  }

  /** Sends what may go now, then sleeps until the next frame is due or the utterance has played. */
  private pump(): void {
    this.cancelTimer();
    if (!this.open || this.pausedAt !== null) return;
    for (let chunk = this.queue[0]; chunk && this.sentMs - this.playedMs() < LEAD_MS; chunk = this.queue[0]) {
      this.queue.shift();
      this.send(chunk);
    }
    const played = this.playedMs();
    if (this.queue.length > 0) this.sleep(this.sentMs - LEAD_MS - played + 1);
    else if (this.flushWaiters.length === 0) return;
    else if (played >= this.sentMs) this.endUtterance();
    else this.sleep(this.sentMs - played);
  }

  private send(chunk: Chunk): void {
    const now = this.now();
    if (this.startedAt === null) this.startedAt = now;
    // The browser ran out of audio and waited: it starts this frame now, not when it was due.
    const behind = now - this.startedAt - this.sentMs;
    if (behind > 0) this.startedAt += behind;
    this.sentMs += chunk.durationMs;
    this.sink.audio(chunk.samples, chunk.sampleRate);
  }

  private sleep(ms: number): void {
    this.timer = setTimeout(() => this.pump(), Math.max(1, Math.ceil(ms)));
  }

  private cancelTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private endUtterance(): void {
    this.cancelTimer();
    this.open = false;
    for (const resolve of this.flushWaiters.splice(0)) resolve();
  }
}
