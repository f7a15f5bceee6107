import { ENGINE_INPUT_RATE, type PcmFrame } from '../audio/frame';
import { Resampler } from '../audio/resample';
import type { SttEvent, SttStream } from '../providers/stt/types';
import type { VadEvent, VadStream } from '../providers/vad/types';
import type { Clock } from './clock';

export interface AudioInputHandlers {
  /** A VAD event, with its audio timestamp already mapped to session time (`at`). */
  onVad(event: VadEvent, at: number): void;
  onTranscript(event: SttEvent): void;
  onError(source: 'vad', error: unknown): void;
}

/** Longest a virtual clock waits for a batch STT's answer (its own timeout is shorter). */
const finalWaitLimitMs = 15_000;

/** The call's speech recognizer: its stream, and whether it finds utterance ends itself. */
export interface AudioInputStt {
  stream: SttStream;
  streaming: boolean;
}

/**
 * Caller audio in: resampled to 16 kHz once, then fed to the VAD and the STT. Lives for the
 * whole call, so handoffs never restart (or cold-start) either. While `discarding`, audio is
 * kept from the STT (speech over an uninterruptible agent must not become a turn).
 * A batch STT gets only the VAD's speech segment (the utterance plus the VAD's prefixPadding
 * pre-roll), handed over at the end of speech: what it hears does not depend on how long the
 * caller was quiet before (a long stretch of line noise made PocketSphinx return nothing, and a
 * paid STT would bill for it), and never holds the start of the next utterance.
 */
export class AudioInput {
  private resampler: Resampler | null = null;
  private audioMs = 0;
  /** Session time minus audio time, measured as audio arrives (audio comes in real time). */
  private offset = 0;
  private discardingAudio = false;
  private closed = false;

  private readonly stt: SttStream | null;
  private readonly sttFollowsVad: boolean;
  /** Audio position (ms) where discarding last ended: a batch STT gets no speech from before it. */
  private keepFromMs = 0;
  /** A batch STT holds an utterance it has not answered yet: resolved by its next event. */
  private segmentQueued = false;
  private readonly awaitingFinal: (() => void)[] = [];

  constructor(
    private readonly vad: VadStream | null,
    stt: AudioInputStt | null,
    private readonly clock: Clock,
    private readonly handlers: AudioInputHandlers,
  ) {
    this.stt = stt?.stream ?? null;
    this.sttFollowsVad = vad !== null && stt !== null && !stt.streaming;
    this.stt?.onEvent((event) => {
      if (event.type === 'final' || event.type === 'error') this.awaitingFinal.shift()?.();
      if (!this.closed) handlers.onTranscript(event);
    });
  }

  /** Whether speech is being kept from the STT. */
  get discarding(): boolean {
    return this.discardingAudio;
  }

  set discarding(value: boolean) {
    if (value && !this.discardingAudio) {
      this.stt?.discard();
      this.segmentQueued = false;
    }
    if (!value && this.discardingAudio) this.keepFromMs = this.audioMs;
    this.discardingAudio = value;
  }

  /** Session time of a point in the caller's audio stream. */
  sessionTime(audioMs: number): number {
    return audioMs + this.offset;
  }

  /** One frame of caller audio at any rate. */
  push(frame: PcmFrame): void {
    if (this.closed) return;
    const samples = this.to16k(frame);
    if (samples.length === 0) return;
    this.audioMs += (samples.length / ENGINE_INPUT_RATE) * 1000;
    this.offset = this.clock.now() - this.audioMs;
    if (this.stt && !this.discardingAudio && !this.sttFollowsVad) this.stt.pushAudio(samples);
    if (!this.vad) return;
    this.clock
      .track(this.vad.push(samples))
      .then((events) => {
        for (const event of events) {
          if (this.closed) return;
          if (event.type === 'speech_end') this.segmentToStt(event.audio, event.timestamp);
          this.handlers.onVad(event, this.sessionTime(event.timestamp));
        }
      })
      .catch((error: unknown) => {
        if (!this.closed) this.handlers.onError('vad', error);
      });
  }

  /** A batch STT gets the utterance that ended at `endMs`, less any part heard while discarding. */
  private segmentToStt(segment: Int16Array, endMs: number): void {
    if (!this.stt || !this.sttFollowsVad || this.discardingAudio) return;
    const startMs = endMs - (segment.length / ENGINE_INPUT_RATE) * 1000;
    const skip = Math.max(0, Math.round(((this.keepFromMs - startMs) * ENGINE_INPUT_RATE) / 1000));
    if (skip < segment.length) {
      this.stt.pushAudio(segment.subarray(skip));
      this.segmentQueued = true;
    }
  }

  /** The VAD saw the end of speech: batch STT providers transcribe now. */
  endOfSpeech(): void {
    if (this.discardingAudio) return;
    if (this.segmentQueued) {
      this.segmentQueued = false;
      // Recognition is provider time: a virtual clock waits for it, as for VAD and LLM work, so
      // scenarios on a virtual clock see the same timeline however slow the recognizer is here.
      this.clock.track(
        new Promise<void>((resolve) => {
          const limit = setTimeout(resolve, finalWaitLimitMs);
          this.awaitingFinal.push(() => {
            clearTimeout(limit);
            resolve();
          });
        }),
      );
    }
    this.stt?.endOfSpeech();
  }

  /** Stops both streams. */
  async close(): Promise<void> {
    this.closed = true;
    for (const resolve of this.awaitingFinal.splice(0)) resolve();
    await Promise.allSettled([this.vad?.close(), this.stt?.close()]);
  }

  private to16k(frame: PcmFrame): Int16Array {
    if (frame.sampleRate === ENGINE_INPUT_RATE) return frame.samples;
    if (this.resampler?.inputRate !== frame.sampleRate)
      this.resampler = new Resampler(frame.sampleRate, ENGINE_INPUT_RATE);
    return this.resampler.push(frame.samples);
  }
}
