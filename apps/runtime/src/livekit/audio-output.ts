import type { AudioSource } from '@livekit/rtc-node';
import type { AudioOutput, PcmFrame } from '@parley/engine';
import { toAudioFrame } from './pcm-frames';

/** Audio kept inside the AudioSource ahead of playback: small, so clear() stops speech at once. */
const LEAD_MS = 100;
/** Chunks fed to the AudioSource (10 ms, LiveKit's native frame size). */
const CHUNK_MS = 10;

interface Fed {
  samples: Int16Array;
  endMs: number;
}

/**
 * The agent's voice into a LiveKit AudioSource, paced so at most LEAD_MS is queued inside it.
 * What is still ours can be paused, resumed or dropped; `playedMs` is what the caller heard.
 */
export class LiveKitAudioOutput implements AudioOutput {
  private pending: Int16Array[] = [];
  private fed: Fed[] = [];
  private fedMs = 0;
  private paused = false;
  private pumping = false;
  private ended = false;
  /** The last utterance played out; the next write starts a new one at position 0. */
  private finished = false;
  private flushWaiters: (() => void)[] = [];
  /** Bumped by pause() and clear() so a frame in flight during them is taken back. */
  private generation = 0;

  constructor(private readonly source: AudioSource) {}

  private get rate(): number {
    return this.source.sampleRate;
  }

  /** Queues audio of the current utterance; frames at another rate are refused loudly. */
  write(frame: PcmFrame): void {
    if (frame.sampleRate !== this.rate) {
      throw new Error(`audio at ${frame.sampleRate} Hz written to a ${this.rate} Hz LiveKit source`);
    }
    if (this.finished) {
      this.fed = [];
      this.fedMs = 0;
      this.finished = false;
    }
    const chunk = Math.round((this.rate * CHUNK_MS) / 1000);
    // Copies (slice), not views: each chunk reaches rtc-node with a buffer of its own.
    for (let i = 0; i < frame.samples.length; i += chunk) this.pending.push(frame.samples.slice(i, i + chunk));
    this.ended = false;
    void this.pump();
  }

  /** Resolves when everything written so far has played, or was cleared. */
  flush(): Promise<void> {
    this.ended = true;
    const done = new Promise<void>((resolve) => this.flushWaiters.push(resolve));
    void this.pump();
    return done;
  }

  /** Drops everything not yet played and resets the utterance position. */
  clear(): void {
    this.generation += 1;
    this.pending = [];
    this.fed = [];
    this.fedMs = 0;
    this.paused = false;
    this.source.clearQueue();
    this.resolveFlush();
  }

  /** Milliseconds of the current utterance the caller has heard. */
  playedMs(): number {
    return Math.max(0, this.fedMs - this.source.queuedDuration);
  }

  /** Stops playback, keeping unplayed audio (already inside the source) to play on resume(). */
  pause(): void {
    if (this.paused) return;
    const played = this.playedMs();
    this.generation += 1;
    this.paused = true;
    // Take back what the source has not played yet; it goes first on resume.
    const unplayed = this.fed.filter((f) => f.endMs > played).map((f) => f.samples);
    this.source.clearQueue();
    this.fed = [];
    this.fedMs = played;
    this.pending = [...unplayed, ...this.pending];
  }

  /** Continues after pause(). */
  resume(): void {
    if (!this.paused) return;
    this.paused = false;
    void this.pump();
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (!this.paused && this.pending.length > 0) {
        if (this.source.queuedDuration >= LEAD_MS) {
          await new Promise((resolve) => setTimeout(resolve, CHUNK_MS));
          continue;
        }
        const samples = this.pending.shift() as Int16Array;
        const generation = this.generation;
        await this.source.captureFrame(toAudioFrame({ samples, sampleRate: this.rate }));
        if (generation !== this.generation) {
          // pause() or clear() ran while this frame was being queued: take it back out.
          try {
            this.source.clearQueue();
          } catch {
            // The source was closed meanwhile (the call hung up): nothing is left to play.
          }
          if (this.paused) this.pending.unshift(samples);
          continue;
        }
        this.fedMs += (samples.length / this.rate) * 1000;
        this.fed.push({ samples, endMs: this.fedMs });
        this.fed = this.fed.filter((f) => f.endMs > this.playedMs());
      }
      if (!this.paused && this.ended && this.pending.length === 0) {
        await this.source.waitForPlayout();
        if (this.pending.length === 0 && !this.paused) {
          this.finished = true;
          this.resolveFlush();
        }
      }
    } finally {
      this.pumping = false;
    }
  }

  private resolveFlush(): void {
    for (const resolve of this.flushWaiters.splice(0)) resolve();
  }
}
