import type { Tts } from '../providers/tts/types';
import { type Clock, trackIterable } from './clock';
import { watchPlaybackStart } from './playback-start';
import { isRetryable } from './provider-retry';
import type { SpeechHandle } from './speech-handle';
import type { AudioOutput } from './transport';

export interface PlayoutHooks {
  /** Right before a TTS request (for engine-overhead metrics). */
  onTtsRequest?(): void;
  /** First audio of the utterance was handed to the output. */
  onFirstAudio?(): void;
  /** The output began playing the utterance at session time `at` (the caller hears it). */
  onPlaybackStart?(at: number): void;
  /** First chunk of a TTS response arrived, `ms` after its request. */
  onTtsFirstByte?(ms: number): void;
  onError?(error: unknown): void;
}

/**
 * Turns a speech's sentences into audio, one TTS request per sentence, in order, while the
 * LLM is still writing the next ones. Audio can be held back (preemptive generation) until
 * the reply is adopted.
 */
export class SpeechPlayout {
  private readonly queue: { text: string; round: number }[] = [];
  private wake: (() => void) | null = null;
  private ended = false;
  private held: Int16Array[] = [];
  private holding: boolean;
  private firstAudio = true;
  private readonly onRelease: (() => void)[] = [];
  /** Resolves when all audio has played, or the speech was aborted. */
  readonly finished: Promise<void>;

  constructor(
    private readonly speech: SpeechHandle,
    private readonly tts: Tts,
    private readonly output: AudioOutput,
    private readonly clock: Clock,
    private readonly hooks: PlayoutHooks = {},
    options: { hold?: boolean } = {},
  ) {
    this.holding = options.hold ?? false;
    speech.signal.addEventListener('abort', () => this.wakeAll(), { once: true });
    this.finished = this.run();
  }

  /** Queues one sentence of LLM round `round`. */
  say(text: string, round: number): void {
    this.queue.push({ text, round });
    this.wake?.();
  }

  /** No more sentences. */
  end(): void {
    this.ended = true;
    this.wake?.();
  }

  /** Lets held audio out (the preemptive reply was adopted). */
  release(): void {
    if (!this.holding) return;
    this.holding = false;
    for (const samples of this.held) this.write(samples);
    this.held = [];
    this.wakeAll();
  }

  /** Drops held audio and stops waiting for adoption (the preemptive reply was discarded). */
  discard(): void {
    this.held = [];
    this.speech.abort();
  }

  private wakeAll(): void {
    this.wake?.();
    for (const resolve of this.onRelease.splice(0)) resolve();
  }

  private async run(): Promise<void> {
    const { signal } = this.speech;
    while (!signal.aborted) {
      const next = this.queue.shift();
      if (!next) {
        if (this.ended) break;
        await new Promise<void>((resolve) => {
          this.wake = resolve;
        });
        this.wake = null;
        continue;
      }
      await this.synthesize(next.text, next.round);
    }
    if (this.holding) await new Promise<void>((resolve) => this.onRelease.push(resolve));
    if (!signal.aborted && !this.firstAudio) await this.output.flush();
  }

  private async synthesize(text: string, round: number): Promise<void> {
    const { signal } = this.speech;
    const segment = { text, round, startMs: this.speech.writtenMs + this.heldMs(), durationMs: 0 };
    this.speech.segments.push(segment);
    for (let attempt = 0; attempt < 2; attempt++) {
      this.hooks.onTtsRequest?.();
      const requestedAt = this.clock.now();
      try {
        for await (const samples of trackIterable(this.clock, this.tts.synthesize(text, { signal }))) {
          if (signal.aborted) return;
          if (segment.durationMs === 0) this.hooks.onTtsFirstByte?.(this.clock.now() - requestedAt);
          segment.durationMs += (samples.length / this.tts.sampleRate) * 1000;
          if (this.holding) this.held.push(samples);
          else this.write(samples);
        }
        return;
      } catch (error) {
        if (signal.aborted) return;
        // One retry, and only if nothing of this sentence was heard yet.
        if (attempt === 0 && segment.durationMs === 0 && isRetryable(error)) continue;
        this.hooks.onError?.(error);
        return;
      }
    }
  }

  private heldMs(): number {
    return this.held.reduce((ms, s) => ms + (s.length / this.tts.sampleRate) * 1000, 0);
  }

  private write(samples: Int16Array): void {
    const first = this.firstAudio;
    if (first) this.hooks.onFirstAudio?.();
    this.firstAudio = false;
    this.speech.writtenMs += (samples.length / this.tts.sampleRate) * 1000;
    this.output.write({ samples, sampleRate: this.tts.sampleRate });
    const { onPlaybackStart } = this.hooks;
    if (first && onPlaybackStart) watchPlaybackStart(this.output, this.clock, this.speech.signal, onPlaybackStart);
  }
}
