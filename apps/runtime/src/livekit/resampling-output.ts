import { type AudioFrame, AudioResampler, AudioResamplerQuality } from '@livekit/rtc-node';
import type { AudioOutput, PcmFrame } from '@parley/engine';
import { toAudioFrame, toPcmFrame } from './pcm-frames';

/**
 * An AudioOutput taking the agent's voice at any rate into an output fixed at `rate`.
 * The published track keeps one AudioSource (and one track sid, which transcripts point at)
 * whatever TTS a flow uses or hands off to; audio already at `rate` passes through untouched.
 */
export class ResamplingAudioOutput implements AudioOutput {
  private resampler: AudioResampler | null = null;
  /** Counts writes, so a flush knows whether a new utterance began while it waited. */
  private writes = 0;
  /** The last utterance has played out: the next write starts a new one. */
  private finished = false;
  /**
   * A new utterance was written but none of it reached the inner output yet (the resampler
   * holds its first samples): its played position is 0, not the previous utterance's end.
   */
  private awaitingFirstAudio = false;

  constructor(
    private readonly inner: AudioOutput,
    private readonly rate: number,
  ) {}

  /** Queues a frame, converting it to the output rate. */
  write(frame: PcmFrame): void {
    this.writes += 1;
    if (this.finished) {
      this.finished = false;
      this.awaitingFirstAudio = true;
    }
    if (this.resampler && this.resampler.inputRate !== frame.sampleRate) this.drain();
    if (frame.sampleRate === this.rate) {
      this.writeInner(frame);
      return;
    }
    this.resampler ??= new AudioResampler(frame.sampleRate, this.rate, 1, AudioResamplerQuality.MEDIUM);
    this.forward(this.resampler.push(toAudioFrame(frame)));
  }

  /** Releases the resampler's tail, then resolves once everything has played. */
  async flush(): Promise<void> {
    this.drain();
    const writes = this.writes;
    await this.inner.flush();
    if (writes === this.writes) this.finished = true;
  }

  /** Drops everything, including samples still inside the resampler. */
  clear(): void {
    this.resampler?.close();
    this.resampler = null;
    this.awaitingFirstAudio = false;
    this.inner.clear();
  }

  /** Milliseconds of the current utterance played so far. */
  playedMs(): number {
    return this.awaitingFirstAudio ? 0 : this.inner.playedMs();
  }

  /** Pauses playback, keeping what is queued. */
  pause(): void {
    this.inner.pause();
  }

  /** Continues after pause(). */
  resume(): void {
    this.inner.resume();
  }

  /** Writes out the resampler's buffered tail and retires it (a fresh one starts the next utterance). */
  private drain(): void {
    const resampler = this.resampler;
    if (!resampler) return;
    this.resampler = null;
    this.forward(resampler.flush());
    resampler.close();
  }

  private forward(frames: AudioFrame[]): void {
    for (const frame of frames) if (frame.samplesPerChannel > 0) this.writeInner(toPcmFrame(frame));
  }

  private writeInner(frame: PcmFrame): void {
    this.awaitingFirstAudio = false;
    this.inner.write(frame);
  }
}
