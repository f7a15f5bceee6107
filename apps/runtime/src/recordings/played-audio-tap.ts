import {
  type AudioOutput,
  type Clock,
  ENGINE_INPUT_RATE,
  type PcmFrame,
  Resampler,
  type TimerHandle,
} from '@parley/engine';
import type { AudioRecorder } from './audio-recorder';

/** How often the output's position is read while an utterance plays (ms). */
const pollMs = 20;
const perMs = ENGINE_INPUT_RATE / 1000;

/**
 * An AudioOutput in front of the real one that records the agent's audio as played: it reads
 * the output's own position (playedMs) and hands the recorder the samples played since, at the
 * session time they played (position p read at time t played at t - p), so pauses leave
 * silence and a clear keeps only what the caller heard.
 */
export class PlayedAudioTap implements AudioOutput {
  private pending: Int16Array[] = [];
  /** Samples of the utterance (16 kHz) written and already handed to the recorder. */
  private written = 0;
  private emitted = 0;
  private startAt: number | null = null;
  private endAt = 0;
  private open = false;
  private resampler: Resampler | null = null;
  private timer: TimerHandle | null = null;

  constructor(
    private readonly inner: AudioOutput,
    private readonly clock: Clock,
    private readonly recorder: AudioRecorder,
  ) {}

  write(frame: PcmFrame): void {
    if (!this.open) this.begin();
    this.add(this.to16k(frame));
    this.inner.write(frame);
    this.poll();
  }

  async flush(): Promise<void> {
    await this.inner.flush();
    if (!this.open) return;
    const tail = this.resampler?.flush();
    if (tail) this.add(tail);
    this.collect(true);
    this.end();
  }

  clear(): void {
    this.collect(false);
    this.inner.clear();
    this.end();
  }

  playedMs(): number {
    return this.inner.playedMs();
  }

  pause(): void {
    this.collect(false);
    this.inner.pause();
  }

  resume(): void {
    this.inner.resume();
  }

  /** Stops polling (the call is over). */
  stop(): void {
    this.cancel();
  }

  private begin(): void {
    this.open = true;
    this.pending = [];
    this.written = 0;
    this.emitted = 0;
    this.startAt = null;
    this.resampler = null;
  }

  private add(samples: Int16Array): void {
    this.pending.push(samples);
    this.written += samples.length;
  }

  /** Hands the recorder what has played since the last look (everything, at the utterance's end). */
  private collect(all: boolean): void {
    if (!this.open) return;
    const played = this.inner.playedMs();
    const now = this.clock.now();
    if (played <= 0 && !all) return;
    this.startAt ??= now - played;
    const target = all ? this.written : Math.min(this.written, Math.floor(played * perMs));
    if (target <= this.emitted) return;
    const at = all && played <= 0 ? now : now - (played - this.emitted / perMs);
    const samples = this.take(target - this.emitted);
    this.recorder.agentAudio(samples, at);
    this.emitted = target;
    this.endAt = at + samples.length / perMs;
  }

  private take(count: number): Int16Array {
    const out = new Int16Array(count);
    let at = 0;
    while (at < count && this.pending.length > 0) {
      const head = this.pending[0] as Int16Array;
      const n = Math.min(head.length, count - at);
      out.set(head.subarray(0, n), at);
      at += n;
      if (n === head.length) this.pending.shift();
      else this.pending[0] = head.subarray(n);
    }
    return out;
  }

  private end(): void {
    if (this.open && this.startAt !== null && this.endAt > this.startAt) {
      this.recorder.agentSpeech(this.startAt, this.endAt);
    }
    this.open = false;
    this.pending = [];
    this.cancel();
  }

  private poll(): void {
    if (this.timer || !this.open) return;
    this.timer = this.clock.setTimer(() => {
      this.timer = null;
      this.collect(false);
      this.poll();
    }, pollMs);
  }

  private cancel(): void {
    if (this.timer) this.clock.clearTimer(this.timer);
    this.timer = null;
  }

  private to16k(frame: PcmFrame): Int16Array {
    if (frame.sampleRate === ENGINE_INPUT_RATE) return frame.samples;
    if (this.resampler?.inputRate !== frame.sampleRate)
      this.resampler = new Resampler(frame.sampleRate, ENGINE_INPUT_RATE);
    return this.resampler.push(frame.samples);
  }
}
