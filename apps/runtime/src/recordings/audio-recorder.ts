import type { SessionEvent, TurnHandling } from '@parley/engine';
import { ChunkedWriter } from './chunked-writer';
import { RECORDING_RATE, type RecordingStore } from './recording-store';
import type { TimelineLine } from './timeline';

export interface AudioRecorderOptions {
  store: RecordingStore;
  callId: string;
  settings: TurnHandling;
  /** How often buffered audio goes to the store (ms): what a crash can lose at most. */
  flushMs: number;
  onError: (error: unknown) => void;
}

const encoder = new TextEncoder();
const bytesOf = (samples: Int16Array) => new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength);

/**
 * Writes one call's recording: the caller track (16 kHz, as the engine received it), the agent
 * track (16 kHz, placed at the session time it played, silence between) and the timeline.
 * Everything is flushed to the store every `flushMs`, so a crash keeps all but the last moment.
 * A store that fails is reported once through onError; the call goes on unrecorded.
 */
export class AudioRecorder {
  private readonly caller: ChunkedWriter;
  private readonly agent: ChunkedWriter;
  private readonly timeline: ChunkedWriter;
  private readonly timer: NodeJS.Timeout;
  private callerStarted = false;
  private agentSamples = 0;
  private failed = false;
  private closed = false;

  constructor(options: AudioRecorderOptions) {
    const onError = (error: unknown) => {
      if (!this.failed) options.onError(error);
      this.failed = true;
    };
    this.caller = new ChunkedWriter(options.store, options.callId, 'caller.pcm', onError);
    this.agent = new ChunkedWriter(options.store, options.callId, 'agent.pcm', onError);
    this.timeline = new ChunkedWriter(options.store, options.callId, 'timeline.jsonl', onError);
    this.line({
      kind: 'meta',
      version: 1,
      rate: RECORDING_RATE,
      startedAt: new Date().toISOString(),
      settings: options.settings,
    });
    this.timer = setInterval(() => void this.flush(), options.flushMs);
    this.timer.unref();
  }

  /** Caller audio at 16 kHz that reached the engine at session time `now` (its last sample's end). */
  callerAudio(samples: Int16Array, now: number): void {
    if (this.closed || samples.length === 0) return;
    if (!this.callerStarted) {
      this.callerStarted = true;
      this.line({ kind: 'caller_start', t: now - (samples.length / RECORDING_RATE) * 1000 });
    }
    this.caller.write(bytesOf(samples));
  }

  /** Agent audio at 16 kHz that began playing at session time `at`. */
  agentAudio(samples: Int16Array, at: number): void {
    if (this.closed || samples.length === 0) return;
    const gap = Math.round((at * RECORDING_RATE) / 1000) - this.agentSamples;
    if (gap > 0) {
      this.agent.write(new Uint8Array(gap * 2));
      this.agentSamples += gap;
    }
    this.agent.write(bytesOf(samples));
    this.agentSamples += samples.length;
  }

  /** The agent's audio played from startMs to endMs (session time). */
  agentSpeech(startMs: number, endMs: number): void {
    this.line({ kind: 'agent_speech', startMs, endMs });
  }

  /** A session event, on the timeline. */
  event(event: SessionEvent): void {
    this.line({ kind: 'event', event });
  }

  /** Stores everything buffered; later writes are ignored. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.timer);
    await this.flush();
  }

  private line(line: TimelineLine): void {
    if (!this.closed) this.timeline.write(encoder.encode(`${JSON.stringify(line)}\n`));
  }

  private async flush(): Promise<void> {
    if (this.failed) return;
    await Promise.all([this.caller.flush(), this.agent.flush(), this.timeline.flush()]);
  }
}
