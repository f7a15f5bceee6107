import type { PcmFrame } from '../audio/frame';
import { Resampler } from '../audio/resample';
import type { AgentPlan } from '../flow/plan';
import type { ToolCallRequest } from '../providers/llm/types';
import type { RealtimeEvent, RealtimeModel, RealtimeSession, RealtimeSessionConfig } from '../providers/realtime/types';
import type { Clock } from './clock';
import type { AgentState, SessionEventBody } from './events';
import { playedTextByRound, type SpokenSegment } from './played-text';
import type { ToolOutcome } from './tools/tool-outcome';
import type { AudioOutput } from './transport';

/** Transcribes the caller so the model's input shows up as transcript events. */
const inputTranscriptionModel = 'gpt-4o-mini-transcribe';

type EndReason = Extract<SessionEventBody, { type: 'session_ended' }>['reason'];

/** What the pipeline needs from the VoiceSession that owns it. */
export interface RealtimePipelineHost {
  clock: Clock;
  output: AudioOutput;
  emit(body: SessionEventBody): void;
  setState(state: AgentState): void;
  /** The active agent (it changes on handoff). */
  agent(): AgentPlan;
  /** The active agent's instructions with the call's variables filled in. */
  instructions(agent: AgentPlan): string;
  /** Runs a tool call of `agent` (variables are applied by the host). */
  runTool(call: ToolCallRequest, agent: AgentPlan): Promise<ToolOutcome>;
  /** A handoff tool ran: the host makes `target` the active agent and emits `handoff`. */
  handoff(effect: Extract<NonNullable<ToolOutcome['effect']>, { kind: 'handoff' }>): AgentPlan | null;
  /** The caller did something (speech or text): not away. */
  userActive(): void;
  /** The agent has nothing left to say. */
  idle(): void;
  providerError(source: string, error: unknown): void;
  close(reason: EndReason): void;
}

/** The model's answer being played: its item, transcript and where its text sits in its audio. */
interface Reply {
  speechId: string;
  itemId: string;
  agentId: string;
  text: string;
  segments: SpokenSegment[];
  writtenMs: number;
  interrupted: boolean;
  playedMs: number;
}

/**
 * The `realtime_llm` path: a speech-to-speech model hears the caller and answers in audio.
 * Its server-side VAD decides turns; this class turns its events into SessionEvents, plays
 * its audio, runs its tool calls with the session's tools, cuts its answer to what was heard
 * on barge-in, and swaps instructions/tools on handoff without reconnecting.
 */
export class RealtimePipeline {
  private session: RealtimeSession | null = null;
  private resampler: Resampler | null = null;
  private reply: Reply | null = null;
  private replyCount = 0;
  /** Caller audio sent, in ms, and session time minus that: maps server audio times to session time. */
  private sentMs = 0;
  private offset = 0;
  private userSpeaking = false;
  /** Where the server heard the caller's speech start, on the audio it was sent (ms). */
  private speechStartMs = 0;
  private pendingTools = 0;
  private endAfterReply = false;
  private closed = false;

  constructor(
    private readonly model: RealtimeModel,
    private readonly host: RealtimePipelineHost,
  ) {}

  /** True while the caller speaks, a reply plays or a tool runs. */
  get busy(): boolean {
    return this.userSpeaking || this.reply !== null || this.pendingTools > 0;
  }

  /** Connects the model as the active agent; with a greeting, asks the model to open the call. */
  async start(greeting: string | undefined): Promise<void> {
    const config = this.config(this.host.agent());
    // The model speaks the greeting itself, in its own voice, as its first answer.
    if (greeting) config.instructions += `\n\nOpen the call by saying: "${greeting}"`;
    this.session = await this.model.connect({ ...config, transcriptionModel: inputTranscriptionModel });
    this.session.onEvent((event) => this.receive(event));
    if (greeting) this.session.createResponse();
  }

  /** Caller audio at any rate, resampled to the model's rate. */
  push(frame: PcmFrame): void {
    const session = this.session;
    if (!session || this.closed) return;
    const samples = frame.sampleRate === session.sampleRate ? frame.samples : this.resample(frame, session.sampleRate);
    if (samples.length === 0) return;
    this.sentMs += (samples.length / session.sampleRate) * 1000;
    this.offset = this.host.clock.now() - this.sentMs;
    session.pushAudio(samples);
  }

  /** Typed caller text: added to the conversation and answered. */
  text(text: string): void {
    if (!this.session || this.closed) return;
    this.host.userActive();
    this.interrupt();
    this.session.sendUserText(text);
    this.session.createResponse();
  }

  /** Stops the reply being played (barge-in, or the session was told to). */
  interrupt(): void {
    const reply = this.reply;
    if (!reply || reply.interrupted || !this.session) return;
    reply.interrupted = true;
    reply.playedMs = this.host.output.playedMs();
    this.host.output.clear();
    // The model keeps only what the caller heard of its answer.
    this.session.interrupt(reply.itemId, reply.playedMs);
    this.host.emit({ type: 'interruption', speechId: reply.speechId, playedMs: Math.round(reply.playedMs) });
    this.finishReply();
  }

  /** Closes the model's socket. */
  async close(): Promise<void> {
    this.closed = true;
    await this.session?.close();
  }

  private resample(frame: PcmFrame, rate: number): Int16Array {
    if (this.resampler?.inputRate !== frame.sampleRate) this.resampler = new Resampler(frame.sampleRate, rate);
    return this.resampler.push(frame.samples);
  }

  private config(agent: AgentPlan): RealtimeSessionConfig {
    return {
      instructions: this.host.instructions(agent),
      tools: agent.tools.map((t) => ({ name: t.name, description: t.description, parameters: t.parameters })),
      ...(agent.providers.realtime?.voice ? { voice: agent.providers.realtime.voice } : {}),
      turnDetection: { interruptResponse: agent.settings.interruption.enabled },
    };
  }

  private receive(event: RealtimeEvent): void {
    if (this.closed) return;
    switch (event.type) {
      case 'speech_started':
        this.userSpeaking = true;
        this.speechStartMs = event.audioStartMs;
        this.host.userActive();
        this.host.emit({ type: 'user_speech_started', probability: 1 });
        if (this.host.agent().settings.interruption.enabled) this.interrupt();
        return;
      case 'speech_stopped': {
        this.userSpeaking = false;
        const endedAt = event.audioEndMs + this.offset;
        const now = this.host.clock.now();
        const speechDuration = Math.max(0, event.audioEndMs - this.speechStartMs);
        this.host.emit({ type: 'user_speech_stopped', probability: 0, speechDuration });
        this.host.emit({
          type: 'end_of_turn',
          mode: 'realtime_llm',
          probability: null,
          delay: Math.max(0, Math.round(now - endedAt)),
        });
        this.host.setState('thinking');
        return;
      }
      case 'input_transcript':
        if (event.text.trim()) {
          this.host.emit({ type: 'transcript', role: 'user', text: event.text.trim(), final: true, source: 'speech' });
        }
        return;
      case 'response_started':
        this.host.setState('thinking');
        return;
      case 'text_delta':
        this.textDelta(event.itemId, event.delta);
        return;
      case 'audio_delta':
        this.audioDelta(event.itemId, event.samples);
        return;
      case 'tool_call':
        void this.toolCall(event.call);
        return;
      case 'response_done':
        void this.responseDone();
        return;
      case 'error':
        this.host.providerError('realtime', event.error);
        if (event.fatal) this.host.close('error');
        return;
      case 'closed':
        if (!this.closed) this.host.close('error');
        return;
    }
  }

  private current(itemId: string): Reply {
    if (this.reply?.itemId === itemId) return this.reply;
    this.reply = {
      speechId: `speech_rt_${++this.replyCount}`,
      itemId,
      agentId: this.host.agent().id,
      text: '',
      segments: [],
      writtenMs: 0,
      interrupted: false,
      playedMs: 0,
    };
    return this.reply;
  }

  private textDelta(itemId: string, delta: string): void {
    if (this.reply?.itemId === itemId && this.reply.interrupted) return;
    const reply = this.current(itemId);
    reply.text += delta;
    // Transcript deltas arrive just ahead of the audio they describe.
    reply.segments.push({ text: delta.trim(), round: 0, startMs: reply.writtenMs, durationMs: 0 });
    this.host.emit({ type: 'assistant_text_delta', speechId: reply.speechId, agentId: reply.agentId, delta });
  }

  private audioDelta(itemId: string, samples: Int16Array): void {
    const session = this.session;
    if (!session || (this.reply?.itemId === itemId && this.reply.interrupted)) return;
    const reply = this.current(itemId);
    const ms = (samples.length / session.sampleRate) * 1000;
    const segment = reply.segments.at(-1);
    if (segment) segment.durationMs += ms;
    if (reply.writtenMs === 0) this.host.setState('speaking');
    reply.writtenMs += ms;
    this.host.output.write({ samples, sampleRate: session.sampleRate });
  }

  private async toolCall(call: ToolCallRequest): Promise<void> {
    const agent = this.host.agent();
    this.pendingTools++;
    try {
      this.host.emit({
        type: 'tool_call',
        callId: call.id,
        agentId: agent.id,
        name: call.name,
        arguments: parse(call),
      });
      const outcome = await this.host.clock.track(this.host.runTool(call, agent));
      if (this.closed) return;
      this.host.emit({
        type: 'tool_result',
        callId: call.id,
        name: call.name,
        output: outcome.output,
        isError: outcome.isError,
      });
      if (outcome.effect?.kind === 'handoff') {
        const target = this.host.handoff(outcome.effect);
        if (target) this.session?.update(this.config(target));
      }
      if (outcome.effect?.kind === 'end_call') this.endAfterReply = true;
      // After end_call the model has said goodbye already: no further answer.
      this.session?.sendToolResult(call.id, outcome.output, { respond: outcome.effect?.kind !== 'end_call' });
      if (this.endAfterReply && !this.reply) this.host.close('end_call_tool');
    } finally {
      this.pendingTools--;
    }
  }

  /** The model finished (or cancelled) its answer: wait until it has played, then report it. */
  private async responseDone(): Promise<void> {
    const reply = this.reply;
    if (reply && !reply.interrupted) {
      await this.host.output.flush();
      if (this.reply !== reply || reply.interrupted) return;
      this.finishReply();
    }
    if (this.endAfterReply) this.host.close('end_call_tool');
    else if (!this.reply && this.pendingTools === 0 && !this.userSpeaking) this.host.idle();
  }

  private finishReply(): void {
    const reply = this.reply;
    if (!reply) return;
    this.reply = null;
    const text = reply.interrupted
      ? (playedTextByRound(reply.segments, reply.playedMs).get(0) ?? '')
      : reply.text.trim();
    if (text) {
      this.host.emit({
        type: 'assistant_message',
        speechId: reply.speechId,
        agentId: reply.agentId,
        text,
        interrupted: reply.interrupted,
      });
    }
  }
}

function parse(call: ToolCallRequest): unknown {
  try {
    return JSON.parse(call.arguments || '{}');
  } catch {
    return call.arguments;
  }
}
