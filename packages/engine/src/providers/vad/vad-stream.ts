import { Chunker } from '../../audio/chunker';
import { ENGINE_INPUT_RATE } from '../../audio/frame';
import { int16ToFloat32 } from '../../audio/pcm';
import { loadSileroSession, SILERO_WINDOW, SileroRunner } from './silero-model';
import type { VadEvent, VadSettings, VadStream } from './types';

/** Weight of the previous smoothed probability: damps one-window spikes and dips. */
const SMOOTHING = 0.35;
/** Longest utterance kept in memory; older audio of a longer one is dropped. */
const MAX_BUFFERED_SPEECH_MS = 60_000;

const WINDOW_MS = (SILERO_WINDOW / ENGINE_INPUT_RATE) * 1000;
const samplesToMs = (samples: number) => (samples / ENGINE_INPUT_RATE) * 1000;
const msToSamples = (ms: number) => Math.round((ms / 1000) * ENGINE_INPUT_RATE);

/** A Silero VAD stream over 16 kHz audio; the model session is shared, the state is not. */
export function createVadStream(settings: VadSettings): VadStream {
  return new SileroVadStream(settings);
}

class SileroVadStream implements VadStream {
  private readonly chunker = new Chunker(SILERO_WINDOW);
  private readonly activation: number;
  private readonly deactivation: number;
  private readonly prefixSamples: number;
  private runner: SileroRunner | null = null;
  private tail: Promise<unknown> = Promise.resolve();
  private closed = false;

  /** Absolute sample index where the next window starts. */
  private clock = 0;
  private smoothed: number | null = null;
  private speaking = false;
  /** Consecutive ms above activation (not speaking) or below deactivation (speaking). */
  private run = 0;
  private runStart = 0;
  private speechStart = 0;
  /** Recent windows, contiguous from absolute sample `audioStart`. */
  private audio: Int16Array[] = [];
  private audioStart = 0;

  constructor(private readonly settings: VadSettings) {
    this.activation = settings.activationThreshold;
    // A deactivation above activation would end speech the moment it starts.
    this.deactivation = Math.min(settings.deactivationThreshold, settings.activationThreshold);
    this.prefixSamples = msToSamples(settings.prefixPadding);
  }

  push(samples: Int16Array): Promise<VadEvent[]> {
    if (this.closed) return Promise.reject(new Error('VAD stream is closed'));
    // Re-frame now: the caller may reuse its buffer once push() returns.
    const windows = this.chunker.push(samples);
    return this.enqueue(async () => {
      const events: VadEvent[] = [];
      for (const window of windows) await this.step(window, events);
      return events;
    });
  }

  reset(): Promise<void> {
    const dropped = this.chunker.flush().length;
    return this.enqueue(async () => {
      this.runner?.reset();
      this.clock += dropped;
      this.smoothed = null;
      this.speaking = false;
      this.run = 0;
      this.audio = [];
      this.audioStart = this.clock;
    });
  }

  close(): Promise<void> {
    this.closed = true;
    return this.enqueue(async () => {
      this.audio = [];
      this.runner = null;
    });
  }

  /** Runs tasks one after another so events come out in audio order. */
  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.catch(() => undefined);
    return result;
  }

  private async step(window: Int16Array, events: VadEvent[]): Promise<void> {
    this.runner ??= new SileroRunner(await loadSileroSession());
    int16ToFloat32(window, this.runner.window);
    const raw = await this.runner.run();
    const p = this.smoothed === null ? raw : SMOOTHING * this.smoothed + (1 - SMOOTHING) * raw;
    this.smoothed = p;

    const start = this.clock;
    this.clock += window.length;
    this.audio.push(window);

    const { minSpeechDuration, minSilenceDuration } = this.settings;
    let transition: VadEvent | null = null;
    if (!this.speaking) {
      if (p >= this.activation) {
        if (this.run === 0) this.runStart = start;
        this.run += WINDOW_MS;
        if (this.run >= minSpeechDuration) transition = this.startSpeech(p);
      } else this.run = 0;
    } else if (p < this.deactivation) {
      if (this.run === 0) this.runStart = start;
      this.run += WINDOW_MS;
      if (this.run >= minSilenceDuration) transition = this.endSpeech(p);
    } else this.run = 0;
    this.trimAudio();

    events.push({
      type: 'inference',
      probability: p,
      rawProbability: raw,
      speaking: this.speaking,
      timestamp: samplesToMs(this.clock),
    });
    if (transition) events.push(transition);
  }

  private startSpeech(probability: number): VadEvent {
    this.speaking = true;
    this.speechStart = this.runStart;
    this.run = 0;
    return {
      type: 'speech_start',
      timestamp: samplesToMs(this.speechStart),
      probability,
      audio: this.collect(this.speechStart - this.prefixSamples, this.clock),
    };
  }

  private endSpeech(probability: number): VadEvent {
    this.speaking = false;
    const end = this.runStart;
    this.run = 0;
    return {
      type: 'speech_end',
      timestamp: samplesToMs(end),
      speechDuration: samplesToMs(end - this.speechStart),
      probability,
      audio: this.collect(this.speechStart - this.prefixSamples, end),
    };
  }

  /** Keeps only audio that a coming speech_start or speech_end may still need. */
  private trimAudio(): void {
    const anchor = this.speaking ? this.speechStart : this.run > 0 ? this.runStart : this.clock;
    const keepFrom = Math.max(anchor - this.prefixSamples, this.clock - msToSamples(MAX_BUFFERED_SPEECH_MS));
    while (this.audio.length > 0 && this.audioStart + (this.audio[0] as Int16Array).length <= keepFrom) {
      this.audioStart += (this.audio.shift() as Int16Array).length;
    }
  }

  /** Buffered audio between absolute sample indices [from, to), clipped to what is kept. */
  private collect(from: number, to: number): Int16Array {
    const begin = Math.max(from, this.audioStart);
    const out = new Int16Array(Math.max(0, to - begin));
    let at = this.audioStart;
    for (const window of this.audio) {
      const lo = Math.max(begin, at);
      const hi = Math.min(to, at + window.length);
      if (hi > lo) out.set(window.subarray(lo - at, hi - at), lo - begin);
      at += window.length;
    }
    return out;
  }
}
