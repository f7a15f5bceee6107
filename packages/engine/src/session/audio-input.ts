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

/** The call's speech recognizer: its stream, and whether it finds utterance ends itself. */
export interface AudioInputStt {
  stream: SttStream;
  streaming: boolean;
}

/**
 * Caller audio in: resampled to 16 kHz once, then fed to the VAD and the STT. Lives for the
 * whole call, so handoffs never restart (or cold-start) either. While `discarding`, audio is
 * kept from the STT (speech over an uninterruptible agent must not become a turn).
 * A batch STT gets each chunk only once the VAD has judged it, so when the VAD reports the end
 * of speech the STT holds exactly the audio up to there — never the start of the next utterance,
 * even when the VAD runs behind real time.
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
  /** Counts discard() calls, so chunks still waiting on the VAD from before one are dropped too. */
  private discards = 0;

  constructor(
    private readonly vad: VadStream | null,
    stt: AudioInputStt | null,
    private readonly clock: Clock,
    private readonly handlers: AudioInputHandlers,
  ) {
    this.stt = stt?.stream ?? null;
    this.sttFollowsVad = vad !== null && stt !== null && !stt.streaming;
    this.stt?.onEvent((event) => {
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
      this.discards += 1;
    }
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
    const forStt = this.stt && !this.discardingAudio ? samples : null;
    const discards = this.discards;
    if (forStt && !this.sttFollowsVad) this.stt?.pushAudio(forStt);
    if (!this.vad) return;
    this.clock
      .track(this.vad.push(samples))
      .then((events) => {
        if (forStt && this.sttFollowsVad && !this.closed && discards === this.discards) this.stt?.pushAudio(forStt);
        for (const event of events) if (!this.closed) this.handlers.onVad(event, this.sessionTime(event.timestamp));
      })
      .catch((error: unknown) => {
        if (!this.closed) this.handlers.onError('vad', error);
      });
  }

  /** The VAD saw the end of speech: batch STT providers transcribe now. */
  endOfSpeech(): void {
    if (!this.discardingAudio) this.stt?.endOfSpeech();
  }

  /** Stops both streams. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.allSettled([this.vad?.close(), this.stt?.close()]);
  }

  private to16k(frame: PcmFrame): Int16Array {
    if (frame.sampleRate === ENGINE_INPUT_RATE) return frame.samples;
    if (this.resampler?.inputRate !== frame.sampleRate)
      this.resampler = new Resampler(frame.sampleRate, ENGINE_INPUT_RATE);
    return this.resampler.push(frame.samples);
  }
}
