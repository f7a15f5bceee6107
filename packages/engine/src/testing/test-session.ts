import { ENGINE_INPUT_RATE, frameDurationMs, type PcmFrame } from '../audio/frame';
import { Resampler } from '../audio/resample';
import { readWav } from '../audio/wav';
import { type Clock, createRealClock } from '../session/clock';
import type { SessionEvent } from '../session/events';
import { VoiceSession, type VoiceSessionOptions } from '../session/voice-session';
import { InProcessTransport } from './in-process-transport';
import { agentSpeechFromPlayback, type TurnRecording } from './replay/turn-recording';
import { toRunEvents } from './run-events';
import { RunExpect } from './run-expect';
import { VirtualClock } from './virtual-clock';

export interface TestSessionOptions extends Omit<VoiceSessionOptions, 'transport' | 'clock'> {
  /** `virtual` (default): session time moves only as the test runs, faster than real time. */
  clock?: 'virtual' | 'real';
  /** Session time a run may take before it fails (default 60 s). */
  maxRunMs?: number;
  /** Keep the agent's audio samples in the output log (default true). */
  keepAudio?: boolean;
  /** Keep the caller's audio as sent, for turnRecording() (default false). */
  recordCaller?: boolean;
}

export interface RunResult {
  /** Every SessionEvent of the run. */
  events: SessionEvent[];
  expect: RunExpect;
}

export type RunInput = { userInput: string } | { audio: PcmFrame | Uint8Array };

const frameMs = 20;
/** A run is over once the session stayed idle this long (session time). */
const settledMs = 100;

/**
 * A VoiceSession on an in-process transport, driven like a caller: the line carries silence
 * whenever the caller says nothing, as a phone line does, so the VAD sees speech end.
 */
export class TestSession {
  readonly session: VoiceSession;
  readonly transport: InProcessTransport;
  readonly clock: Clock;
  private readonly audioQueue: PcmFrame[] = [];
  private readonly silence = new Int16Array((ENGINE_INPUT_RATE * frameMs) / 1000);
  private pump: Promise<void> | null = null;
  private stopped = false;
  private readonly callerAudio: Int16Array[] = [];
  private callerStartMs: number | null = null;
  private callerResampler: Resampler | null = null;

  constructor(private readonly options: TestSessionOptions) {
    this.clock = options.clock === 'real' ? createRealClock() : new VirtualClock();
    this.transport = new InProcessTransport(this.clock, { keepAudio: options.keepAudio ?? true });
    this.session = new VoiceSession({ ...options, transport: this.transport, clock: this.clock });
  }

  /** Every event so far. */
  get events(): readonly SessionEvent[] {
    return this.transport.events;
  }

  /** Starts the session and waits until the greeting (if any) has played, unless `untilIdle` is false. */
  async start({ untilIdle = true }: { untilIdle?: boolean } = {}): Promise<RunResult> {
    const from = this.transport.events.length;
    await this.session.start();
    if (this.clock instanceof VirtualClock === false) this.pump = this.realTimePump();
    if (untilIdle) await this.waitUntilIdle();
    return this.resultFrom(from);
  }

  /** One user turn (typed text or audio); resolves with its events once the agent is done. */
  async run(input: RunInput): Promise<RunResult> {
    const from = this.transport.events.length;
    if ('userInput' in input) this.transport.sendText(input.userInput);
    else await this.play(input.audio);
    await this.waitUntilIdle();
    return this.resultFrom(from);
  }

  /** The caller types, without waiting for the answer. */
  sendText(text: string): void {
    this.transport.sendText(text);
  }

  /** Plays caller audio (WAV bytes or PCM) and resolves once all of it was sent. */
  async play(audio: PcmFrame | Uint8Array): Promise<void> {
    const pcm = audio instanceof Uint8Array ? readWav(audio) : audio;
    const step = Math.round((pcm.sampleRate * frameMs) / 1000);
    for (let at = 0; at < pcm.samples.length; at += step) {
      let samples = pcm.samples.subarray(at, at + step);
      if (samples.length < step) {
        // The line goes on after the last word: a short last frame is filled with silence, so
        // the caller's audio keeps pace with session time (20 ms per frame).
        const padded = new Int16Array(step);
        padded.set(samples);
        samples = padded;
      }
      this.audioQueue.push({ samples, sampleRate: pcm.sampleRate });
    }
    while (this.audioQueue.length > 0 && !this.stopped) await this.tick();
  }

  /** Lets `ms` of session time pass (the line carries silence). */
  async wait(ms: number): Promise<void> {
    const until = this.clock.now() + ms;
    while (this.clock.now() < until && !this.stopped) await this.tick();
  }

  /** Waits until the agent has nothing left to do (or the session ended). */
  async waitUntilIdle(): Promise<void> {
    const limit = this.clock.now() + (this.options.maxRunMs ?? 60000);
    let idleSince: number | null = null;
    while (!this.session.isEnded) {
      const now = this.clock.now();
      if (this.session.busy) idleSince = null;
      else if (idleSince === null) idleSince = now;
      else if (now - idleSince >= settledMs) return;
      if (now > limit)
        throw new Error(`the session was still busy after ${this.options.maxRunMs ?? 60000} ms of session time`);
      await this.tick();
    }
  }

  /** Lets session time pass until `condition` holds (or the session ended); false if `limitMs` passed first. */
  async waitUntil(condition: () => boolean, limitMs: number): Promise<boolean> {
    const until = this.clock.now() + limitMs;
    while (!condition()) {
      if (this.session.isEnded || this.stopped || this.clock.now() >= until) return false;
      await this.tick();
    }
    return true;
  }

  /** Ends the session (as a hangup unless told otherwise). */
  async close(): Promise<void> {
    await this.session.close();
    this.stopped = true;
    await this.pump;
  }

  /**
   * The run so far as a recording (needs `recordCaller`): the caller's audio at 16 kHz, the
   * agent's playback spans, the events, and the entry agent's turn settings.
   */
  turnRecording(): TurnRecording {
    if (!this.options.recordCaller)
      throw new Error('turnRecording() needs the session started with recordCaller: true');
    const { plan } = this.options;
    const entry = plan.agents[plan.entryAgentId];
    if (!entry) throw new Error(`entry agent ${plan.entryAgentId} is not in the plan`);
    const caller = new Int16Array(this.callerAudio.reduce((n, part) => n + part.length, 0));
    let at = 0;
    for (const part of this.callerAudio) {
      caller.set(part, at);
      at += part.length;
    }
    return {
      caller,
      callerStartMs: this.callerStartMs ?? 0,
      agentSpeech: agentSpeechFromPlayback(this.transport.output.log),
      events: [...this.transport.events],
      settings: entry.settings,
    };
  }

  /** One frame of caller audio (queued audio, else silence), then 20 ms of session time. */
  private async tick(): Promise<void> {
    if (this.clock instanceof VirtualClock) {
      this.sendFrame();
      await this.clock.advance(frameMs);
    } else {
      await new Promise((resolve) => setTimeout(resolve, frameMs / 2));
    }
  }

  private sendFrame(): void {
    if (this.session.isEnded) return;
    const frame = this.audioQueue.shift() ?? { samples: this.silence, sampleRate: ENGINE_INPUT_RATE };
    if (this.options.recordCaller) this.keepCallerFrame(frame);
    this.transport.sendAudio(frame);
  }

  private keepCallerFrame(frame: PcmFrame): void {
    // A frame arrives once spoken: it ends at the time it is sent, as AudioInput maps it.
    this.callerStartMs ??= this.clock.now() - frameDurationMs(frame);
    if (frame.sampleRate === ENGINE_INPUT_RATE) return void this.callerAudio.push(frame.samples.slice());
    // Streaming, as AudioInput resamples: the same 16 kHz samples the engine heard.
    if (this.callerResampler?.inputRate !== frame.sampleRate)
      this.callerResampler = new Resampler(frame.sampleRate, ENGINE_INPUT_RATE);
    this.callerAudio.push(this.callerResampler.push(frame.samples));
  }

  /** Real time: one frame every 20 ms of wall time, on schedule even if a tick runs late. */
  private async realTimePump(): Promise<void> {
    const start = performance.now();
    for (let sent = 0; !this.stopped && !this.session.isEnded; sent++) {
      this.sendFrame();
      const due = start + (sent + 1) * frameMs;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
    }
  }

  private resultFrom(index: number): RunResult {
    const events = this.transport.events.slice(index);
    return { events, expect: new RunExpect(toRunEvents(events)) };
  }
}

/** Starts a test session (virtual clock unless told otherwise); the greeting has played when it resolves. */
export async function startTestSession(options: TestSessionOptions): Promise<TestSession> {
  const test = new TestSession(options);
  await test.start();
  return test;
}
