import type { AgentPlan, HandoffToolPlan, SessionPlan } from '../flow/plan';
import { renderTemplate } from '../flow/template';
import type { ChatMessage, Llm, ToolCallRequest, ToolDefinition } from '../providers/llm/types';
import type { RealtimeModel } from '../providers/realtime/types';
import type { SttEvent } from '../providers/stt/types';
import type { Tts } from '../providers/tts/types';
import type { VadEvent } from '../providers/vad/types';
import { enterAgent, hasEntrySteps } from './agent-entry';
import { AudioInput } from './audio-input';
import { callSttAgent } from './call-stt';
import { briefSummary, transcriptLines } from './chat-context';
import { type Clock, createRealClock } from './clock';
import { DigitCollector } from './digit-collector';
import { Endpointing } from './endpointing';
import { SessionEventStream } from './event-stream';
import type { AgentState, SessionEvent, SessionEventBody } from './events';
import { FlowRoutes } from './flow-routes';
import { type GenerationResult, generateReply } from './generation';
import { handoffContext } from './handoff-context';
import { InterruptionPolicy } from './interruption';
import { playedTextByRound } from './played-text';
import { PreemptiveReply } from './preemptive-reply';
import { apologyLine, describeProviderError } from './provider-retry';
import { RealtimePipeline } from './realtime-pipeline';
import { SentenceSplitter } from './sentence-splitter';
import { registryProviders, type SessionProviders } from './session-providers';
import { SpeechHandle } from './speech-handle';
import { withSpeechHygiene } from './speech-hygiene';
import { SpeechPlayout } from './speech-playout';
import type { Resolver } from './tools/address-guard';
import { WebhookAllowList } from './tools/allow-list';
import type { RequestGuard } from './tools/guarded-request';
import { runTool } from './tools/run-tool';
import type { ToolOutcome } from './tools/tool-outcome';
import type { Transport } from './transport';
import { TurnMetricsRecorder } from './turn-metrics';
import { TurnTaking, type UserTurn } from './turn-taking';
import { UserAwayMonitor } from './user-away';
import { UserTurnLimitMonitor } from './user-turn-limit';

type VariableValue = string | number | boolean;
type EndReason = Extract<SessionEventBody, { type: 'session_ended' }>['reason'];

export interface VoiceSessionOptions {
  plan: SessionPlan;
  transport: Transport;
  /** The workspace's own secrets by name: webhook headers and custom base URLs may use only these. */
  secrets?: Readonly<Record<string, string>>;
  /** The operator's provider keys, sent only to built-in provider endpoints (see ProviderContext). */
  providerKeys?: Readonly<Record<string, string>>;
  /** Provider API locations by provider id (tests point them at local servers). */
  baseUrls?: Readonly<Record<string, string>>;
  /** The operator's turn models folder; turnModel.model names a model in it. */
  turnModelsDir?: string;
  /** Defaults to wall time; tests pass a VirtualClock. */
  clock?: Clock;
  /** Initial values of the flow's variables (over their defaults). */
  variables?: Readonly<Record<string, VariableValue>>;
  /** Replace how some providers are built (default: the registry, from each agent's plan). */
  providers?: Partial<SessionProviders>;
  /** Where webhook tools may connect beyond public addresses. */
  webhooks?: WebhookOptions;
}

/** The workspace's webhook allow-list, and (tests only) a stand-in for DNS. */
export interface WebhookOptions {
  /** Host names, IPs or CIDR ranges webhooks may reach although they are private or loopback. */
  allowList?: readonly string[];
  resolve?: Resolver;
}

/** The agent the session is running now, with its providers. */
interface ActiveAgent {
  plan: AgentPlan;
  llm: Llm;
  tts: Tts;
  tools: ToolDefinition[];
}

/** What the agent says when the caller has gone quiet. */
export const userAwayPrompt = 'Are you still there?';

/** What the agent says when the caller spoke but the (batch) STT made out no words. */
export const repeatPrompt = "Sorry, I didn't catch that. Could you say that again?";

/**
 * A realtime voice conversation over one transport: caller audio/text in, agent audio and one
 * SessionEvent stream out. One agent is active at a time; handoffs swap it while the audio
 * input (VAD, STT) keeps running. Speeches (replies, greetings, say()) play one after another.
 */
export class VoiceSession {
  /** Every event of the session, in order (also sent to the transport). */
  readonly events: SessionEventStream;
  private readonly clock: Clock;
  private readonly providers: SessionProviders;
  private readonly secrets: Readonly<Record<string, string>>;
  private readonly webhookGuard: RequestGuard;
  private readonly agentCache = new Map<string, ActiveAgent>();
  private agent!: ActiveAgent;
  private history: ChatMessage[] = [];
  private readonly values: Record<string, VariableValue> = {};
  private agentState: AgentState = 'initializing';
  private input: AudioInput | null = null;
  /** A batch STT transcribes each utterance once: an empty final after speech means it heard no words. */
  private batchStt = false;
  private turns!: TurnTaking;
  private interruption!: InterruptionPolicy;
  private readonly userAway: UserAwayMonitor;
  private current: SpeechHandle | null = null;
  private readonly queued: SpeechHandle[] = [];
  private readonly speechDone = new Map<SpeechHandle, Promise<void>>();
  private chain: Promise<void> = Promise.resolve();
  private speechCount = 0;
  private turnCount = 0;
  private vadCount = 0;
  private userSpeaking = false;
  private pendingTurns = 0;
  private preemptive: PreemptiveReply | null = null;
  /** The speech-to-speech path, when the entry agent's turns are `realtime_llm`. */
  private realtime: RealtimePipeline | null = null;
  private endAfterSpeech = false;
  private ended = false;
  /** Condition edges and result branches (flow language v2). */
  private readonly routes: FlowRoutes;
  /** The "collect digits" step under way, fed by the caller's DTMF. */
  private digits: DigitCollector | null = null;
  /** Keys pressed for the current agent before its collect-digits step began (type-ahead). */
  private typeAhead: string[] = [];
  private readonly turnLimit: UserTurnLimitMonitor;

  constructor(private readonly options: VoiceSessionOptions) {
    this.clock = options.clock ?? createRealClock();
    this.secrets = options.secrets ?? {};
    this.webhookGuard = {
      allowList: new WebhookAllowList(options.webhooks?.allowList),
      ...(options.webhooks?.resolve ? { resolve: options.webhooks.resolve } : {}),
    };
    this.providers = {
      ...registryProviders({
        secrets: this.secrets,
        ...(options.providerKeys ? { providerKeys: options.providerKeys } : {}),
        ...(options.baseUrls ? { baseUrls: options.baseUrls } : {}),
        customEndpoints: this.webhookGuard,
        ...(options.turnModelsDir ? { turnModelsDir: options.turnModelsDir } : {}),
        variables: () => this.values,
      }),
      ...options.providers,
    };
    this.events = new SessionEventStream(this.clock, (event) => options.transport.send(event));
    for (const variable of options.plan.variables) {
      if (variable.defaultValue !== undefined) this.values[variable.name] = variable.defaultValue;
    }
    Object.assign(this.values, options.variables);
    this.userAway = new UserAwayMonitor(this.clock, () => this.agent.plan.settings.userAwayTimeout, {
      prompt: () => this.say(userAwayPrompt),
      away: () => void this.close('user_away'),
    });
    this.routes = new FlowRoutes(() => this.values, options.plan.agents);
    this.turnLimit = new UserTurnLimitMonitor(this.clock, options.plan.userTurnLimit, (line) =>
      this.say(line, { allowInterruptions: false }),
    );
  }

  /** The agent state (initializing, idle, listening, thinking, speaking). */
  get state(): AgentState {
    return this.agentState;
  }

  /** Id of the active agent. */
  get activeAgentId(): string {
    return this.agent.plan.id;
  }

  /** The chat history as the active agent sees it (instructions not included). */
  get chat(): readonly ChatMessage[] {
    return this.history;
  }

  /** The call's variables. */
  get variables(): Readonly<Record<string, VariableValue>> {
    return this.values;
  }

  /** True while anything is under way: a speech, a queued speech, or a user turn being decided. */
  get busy(): boolean {
    return (
      this.current !== null ||
      this.queued.length > 0 ||
      this.pendingTurns > 0 ||
      this.userSpeaking ||
      this.turns?.deciding ||
      (this.realtime?.busy ?? false)
    );
  }

  /** True once session_ended was emitted. */
  get isEnded(): boolean {
    return this.ended;
  }

  /** Calls `listener` for every later event; returns the unsubscribe function. */
  on(listener: (event: SessionEvent) => void): () => void {
    return this.events.subscribe(listener);
  }

  /** Later events as an async iterable that ends with the session. */
  [Symbol.asyncIterator](): AsyncIterator<SessionEvent> {
    return this.events[Symbol.asyncIterator]();
  }

  /** Builds the providers, connects the transport and greets. Throws if a provider cannot be set up. */
  async start(): Promise<void> {
    const { plan, transport } = this.options;
    const entry = plan.agents[plan.entryAgentId];
    if (!entry) throw new Error(`entry agent ${plan.entryAgentId} is not in the plan`);
    this.emit({ type: 'agent_state', state: 'initializing' });
    this.agent = this.activate(entry);
    const realtime = this.providers.realtime(entry);
    if (realtime) return this.startRealtime(entry, realtime);
    const stt = this.providers.stt(callSttAgent(plan, entry));
    this.batchStt = stt !== null && !stt.streaming;
    const vad = this.providers.vad(entry);
    const detector = await this.providers.turnDetector(entry);
    this.turns = new TurnTaking({
      clock: this.clock,
      settings: () => this.agent.plan.settings,
      language: entry.providers.stt.language ?? plan.language,
      stt: stt ? { streaming: stt.streaming } : null,
      endpointing: new Endpointing(entry.settings.endpointing),
      detector,
      chat: () => this.history,
      emit: (body) => this.emit(body),
      onTurn: (turn) => void this.userTurn(turn),
      onFinalTranscript: (text) => this.startPreemptive(text),
    });
    this.interruption = new InterruptionPolicy(this.clock, () => this.agent.plan.settings.interruption, stt !== null, {
      interruptible: () => this.current?.allowInterruptions === true && !this.current.signal.aborted,
      pause: () => transport.output.pause(),
      resume: () => transport.output.resume(),
      interrupt: () => this.interruptCurrent(),
      falseInterruption: () => {
        if (this.current) this.emit({ type: 'false_interruption', speechId: this.current.id, resumed: true });
      },
    });
    this.input = new AudioInput(
      vad?.stream() ?? null,
      stt
        ? { stream: stt.stream({ language: entry.providers.stt.language ?? plan.language }), streaming: stt.streaming }
        : null,
      this.clock,
      {
        onVad: (event, at) => this.vadEvent(event, at),
        onTranscript: (event) => this.sttEvent(event),
        onError: (source, error) => this.providerError(source, error, false),
      },
    );
    transport.connect({
      audio: (frame) => this.input?.push(frame),
      text: (text) => this.userText(text),
      hangup: () => void this.close('user_hangup'),
      dtmf: (digit) => this.dtmf(digit),
    });
    this.emit({ type: 'session_started', agentId: entry.id });
    const greet = () => entry.greeting && this.say(this.render(entry.greeting));
    if (hasEntrySteps(entry)) this.enter(entry, greet);
    else if (entry.greeting) greet();
    else this.idle();
  }

  /** Manual turn detection: the user's turn is over now. */
  commitTurn(): void {
    this.turns?.commit();
  }

  /** Speaks `text` after whatever is already queued (not on the realtime path: the model has the only voice). */
  say(text: string, options: { allowInterruptions?: boolean } = {}): void {
    if (this.realtime) {
      const message = 'say() is not available with realtime_llm turn detection';
      this.emit({ type: 'error', source: 'session', code: 'unsupported', message, recoverable: true });
      return;
    }
    const allow = options.allowInterruptions ?? this.agent.plan.settings.interruption.enabled;
    this.schedule(allow, (speech) => this.speakText(speech, text));
  }

  /** Stops the agent's current speech (and anything queued) at once. */
  interrupt(): void {
    this.realtime?.interrupt();
    this.cancelQueued();
    if (this.current) this.interruptCurrent();
  }

  /** Ends the session: stops speech and input, emits session_ended, closes the transport. */
  async close(reason: EndReason = 'closed'): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    this.userAway.disarm();
    this.turns?.reset();
    this.preemptive?.discard();
    this.cancelQueued();
    this.current?.abort();
    this.options.transport.output.clear();
    this.emit({ type: 'agent_state', state: 'idle' });
    this.agentState = 'idle';
    this.events.emit({ type: 'session_ended', reason });
    await Promise.allSettled([this.input?.close(), this.realtime?.close()]);
    await this.options.transport.close();
  }

  /** The speech-to-speech path: the model's server VAD takes turns, its audio is the agent's voice. */
  private async startRealtime(entry: AgentPlan, model: RealtimeModel): Promise<void> {
    const { transport } = this.options;
    const pipeline = new RealtimePipeline(model, {
      clock: this.clock,
      output: transport.output,
      emit: (body) => this.emit(body),
      setState: (state) => this.setState(state),
      agent: () => this.agent.plan,
      instructions: (agent) => this.render(agent.instructions),
      runTool: (call, agent) => this.runAgentTool(call, agent.tools),
      handoff: ({ tool, reason }) => {
        const target = this.options.plan.agents[tool.targetAgentId];
        if (!target || this.ended) return null;
        const from = this.agent.plan.id;
        this.agent = this.activate(target);
        this.emit({ type: 'handoff', from, to: target.id, edgeId: tool.edgeId, reason });
        return target;
      },
      userActive: () => this.userAway.userActive(),
      // No user-away prompt here: say() has no voice on this path.
      idle: () => this.setState('listening'),
      providerError: (source, error) => this.providerError(source, error, false),
      close: (reason) => void this.close(reason),
    });
    await pipeline.start(entry.greeting ? this.render(entry.greeting) : undefined);
    this.realtime = pipeline;
    transport.connect({
      audio: (frame) => pipeline.push(frame),
      text: (text) => this.userText(text),
      hangup: () => void this.close('user_hangup'),
    });
    this.emit({ type: 'session_started', agentId: entry.id });
    this.setState('listening');
  }

  private emit(body: SessionEventBody): void {
    if (this.ended && body.type !== 'session_ended') return;
    this.events.emit(body);
  }

  private setState(state: AgentState): void {
    if (state === this.agentState || this.ended) return;
    this.agentState = state;
    this.emit({ type: 'agent_state', state });
  }

  private activate(plan: AgentPlan): ActiveAgent {
    const cached = this.agentCache.get(plan.id);
    if (cached) return cached;
    const agent: ActiveAgent = {
      plan,
      llm: this.providers.llm(plan),
      tts: withSpeechHygiene(this.providers.tts(plan), this.options.plan.speech),
      tools: plan.tools.map((t) => ({ name: t.name, description: t.description, parameters: t.parameters })),
    };
    this.agentCache.set(plan.id, agent);
    return agent;
  }

  private render(text: string): string {
    return renderTemplate(text, this.values);
  }

  // --- caller input -------------------------------------------------------------------------

  private vadEvent(event: VadEvent, at: number): void {
    if (this.ended) return;
    if (event.type === 'inference') {
      // Every second 32 ms window: enough for a plot, half the events.
      if (this.vadCount++ % 2 === 0) this.emit({ type: 'vad', probability: round3(event.probability) });
      // The silence the VAD waits out before speech_end is no speech: it must not count.
      const { vad } = this.agent.plan.settings;
      const voiced = event.probability >= Math.min(vad.deactivationThreshold, vad.activationThreshold);
      if (event.speaking && voiced) this.interruption.speaking(event.timestamp);
      return;
    }
    if (event.type === 'speech_start') {
      this.userSpeaking = true;
      this.turnLimit.speechStarted();
      this.emit({ type: 'user_speech_started', probability: round3(event.probability) });
      this.userAway.userActive();
      this.preemptive?.discard();
      this.turns.speechStarted(at);
      this.interruption.speechStarted(event.timestamp);
      return;
    }
    this.userSpeaking = false;
    this.turnLimit.speechStopped();
    this.emit({
      type: 'user_speech_stopped',
      probability: round3(event.probability),
      speechDuration: event.speechDuration,
    });
    this.input?.endOfSpeech();
    this.interruption.speechEnded(event.timestamp);
    if (this.input?.discarding) return;
    this.turns.speechEnded(at, event.audio);
  }

  private sttEvent(event: SttEvent): void {
    if (this.ended) return;
    if (event.type === 'error') {
      this.providerError('stt', event.error, false);
      return;
    }
    const text = event.text.trim();
    if (text) this.emit({ type: 'transcript', role: 'user', text, final: event.type === 'final', source: 'speech' });
    if (text) this.interruption.transcribed(text);
    if (text) this.turnLimit.transcript(text, event.type === 'final');
    if (event.type === 'final') this.turns.finalTranscript(text);
  }

  private userText(text: string): void {
    if (this.ended || !text.trim()) return;
    this.emit({ type: 'transcript', role: 'user', text: text.trim(), final: true, source: 'text' });
    if (this.realtime) {
      this.realtime.text(text.trim());
      return;
    }
    this.turns.reset();
    const now = this.clock.now();
    const mode = this.agent.plan.settings.turnDetection;
    void this.userTurn({
      text: text.trim(),
      mode,
      probability: null,
      speechEndAt: now,
      decidedAt: now,
      transcriptAt: now,
      delay: 0,
      heardSpeech: false,
    });
  }

  private async userTurn(turn: UserTurn): Promise<void> {
    this.userAway.userActive();
    this.turnLimit.turnEnded();
    this.routes.callerTurn();
    if (!turn.text) {
      // The caller spoke, the STT heard no words: silence now would leave them waiting.
      if (turn.heardSpeech && this.batchStt) this.say(repeatPrompt);
      return; // no words (no STT, or a streaming one still catching up): nothing to answer
    }
    this.pendingTurns++;
    try {
      const preemptive = this.preemptive;
      this.preemptive = null;
      const adopt = preemptive?.matches(turn.text, this.history.length) ?? false;
      if (!adopt) preemptive?.discard();
      this.cancelQueued();
      if (this.current) {
        if (this.current.allowInterruptions) this.interruptCurrent();
        await this.speechDone.get(this.current);
      }
      if (this.ended) return;
      this.history.push({ role: 'user', content: turn.text });
      const metrics = new TurnMetricsRecorder(
        ++this.turnCount,
        this.agent.plan.id,
        turn.speechEndAt,
        turn.decidedAt,
        turn.transcriptAt,
      );
      if (adopt && preemptive) {
        preemptive.metrics = metrics;
        this.adoptSpeech(preemptive.speech, async () => {
          preemptive.adopt();
          await this.finishReply(preemptive.speech, await preemptive.result, metrics, preemptive.playout);
        });
      } else {
        const context = [...this.history];
        this.schedule(this.agent.plan.settings.interruption.enabled, (speech) => this.reply(speech, context, metrics));
      }
    } finally {
      this.pendingTurns--;
    }
  }

  private startPreemptive(text: string): void {
    if (!this.agent.plan.settings.preemptiveGeneration.enabled || this.current || this.queued.length) return;
    this.preemptive?.discard();
    const agent = this.agent;
    const speech = new SpeechHandle(`speech_${++this.speechCount}`, agent.plan.settings.interruption.enabled);
    let preemptive: PreemptiveReply | null = null;
    // Its metrics exist only once the turn ends and adopts it; playback starts after that.
    const playout = this.createPlayout(speech, agent, () => preemptive?.metrics ?? null, true);
    preemptive = new PreemptiveReply(text, this.history.length, speech, playout, (body) => this.emit(body));
    preemptive.result = generateReply({
      ...this.generationInput(agent, speech, playout, [...this.history, { role: 'user', content: text }], null),
      emit: preemptive.gatedEmit,
      adopted: preemptive.adopted,
    });
    this.preemptive = preemptive;
  }

  // --- speeches -----------------------------------------------------------------------------

  private schedule(allowInterruptions: boolean, body: (speech: SpeechHandle) => Promise<void>): SpeechHandle {
    const speech = new SpeechHandle(`speech_${++this.speechCount}`, allowInterruptions);
    this.adoptSpeech(speech, () => body(speech));
    return speech;
  }

  /** Queues `speech` to run `body` when every earlier speech is done. */
  private adoptSpeech(speech: SpeechHandle, body: () => Promise<void>): void {
    this.queued.push(speech);
    this.userAway.disarm();
    this.chain = this.chain.then(async () => {
      this.queued.splice(this.queued.indexOf(speech), 1);
      if (speech.signal.aborted || this.ended) return;
      this.current = speech;
      if (this.input) {
        this.input.discarding =
          !speech.allowInterruptions && this.agent.plan.settings.interruption.discardAudioIfUninterruptible;
      }
      try {
        await body();
      } catch (error) {
        this.providerError('session', error, true);
      } finally {
        this.current = null;
        this.interruption.reset();
        if (this.input) this.input.discarding = false;
        if (this.queued.length === 0) this.idle();
      }
    });
    const done = this.chain;
    this.speechDone.set(
      speech,
      done.then(() => void this.speechDone.delete(speech)),
    );
  }

  /** Nothing left to say: listen, and watch for an absent caller (or end, after end_call). */
  private idle(): void {
    if (this.ended) return;
    if (this.endAfterSpeech) return void this.close('end_call_tool');
    this.setState('listening');
    if (!this.userSpeaking) this.userAway.arm();
  }

  private cancelQueued(): void {
    for (const speech of this.queued) if (speech.allowInterruptions) speech.abort();
  }

  private interruptCurrent(): void {
    const speech = this.current;
    if (!speech || speech.signal.aborted) return;
    const { output } = this.options.transport;
    speech.interrupted = true;
    speech.playedMsAtInterrupt = output.playedMs();
    output.clear();
    speech.abort();
    this.interruption.reset();
    this.emit({ type: 'interruption', speechId: speech.id, playedMs: Math.round(speech.playedMsAtInterrupt) });
  }

  private createPlayout(
    speech: SpeechHandle,
    agent: ActiveAgent,
    metrics: () => TurnMetricsRecorder | null,
    hold = false,
  ): SpeechPlayout {
    return new SpeechPlayout(
      speech,
      agent.tts,
      this.options.transport.output,
      this.clock,
      {
        onTtsRequest: () => metrics()?.ttsRequest(this.clock.now()),
        onTtsFirstByte: (ms) => metrics()?.ttsFirstByte(ms),
        onFirstAudio: () => {
          this.turns.agentStartedSpeaking(this.clock.now());
          this.setState('speaking');
        },
        onPlaybackStart: (at) => metrics()?.firstAudio(at),
        onError: (error) => this.providerError('tts', error, true),
      },
      { hold },
    );
  }

  private generationInput(
    agent: ActiveAgent,
    speech: SpeechHandle,
    playout: SpeechPlayout,
    context: ChatMessage[],
    metrics: TurnMetricsRecorder | null,
  ) {
    return {
      agentId: agent.plan.id,
      llm: agent.llm,
      system: () => this.render(agent.plan.instructions),
      context,
      tools: agent.tools,
      maxToolSteps: agent.plan.settings.maxToolSteps,
      speech,
      playout,
      clock: this.clock,
      emit: (body: SessionEventBody) => this.emit(body),
      runTool: (call: ToolCallRequest) => this.runAgentTool(call, agent.plan.tools, speech.signal),
      hooks: {
        onLlmFirstToken: (ms: number) => metrics?.llmFirstToken(ms),
        onProviderTime: (ms: number) => metrics?.providerTime(ms),
      },
    };
  }

  /** Runs one tool call against `tools`; a set_variable takes effect at once. */
  private async runAgentTool(
    call: ToolCallRequest,
    tools: AgentPlan['tools'],
    signal?: AbortSignal,
  ): Promise<ToolOutcome> {
    const outcome = await runTool(call, {
      tools,
      variables: this.options.plan.variables,
      secrets: this.secrets,
      webhooks: this.webhookGuard,
      ...(signal ? { signal } : {}),
    });
    if (outcome.effect?.kind === 'variable') {
      this.values[outcome.effect.name] = outcome.effect.value;
      this.emit({ type: 'variable_set', name: outcome.effect.name, value: outcome.effect.value });
    }
    // A result branch or a condition that now holds hands off with no further LLM round.
    return this.routes.afterTool(
      this.agent.plan,
      tools.find((t) => t.name === call.name),
      outcome,
    );
  }

  private async reply(
    speech: SpeechHandle,
    context: ChatMessage[],
    metrics: TurnMetricsRecorder | null,
  ): Promise<void> {
    this.setState('thinking');
    const agent = this.agent;
    const playout = this.createPlayout(speech, agent, () => metrics);
    const result = await generateReply(this.generationInput(agent, speech, playout, context, metrics));
    await this.finishReply(speech, result, metrics, playout);
  }

  /** After a reply: keep what was heard in the history, report it, then act on its tools' effects. */
  private async finishReply(
    speech: SpeechHandle,
    result: GenerationResult,
    metrics: TurnMetricsRecorder | null,
    playout: SpeechPlayout,
  ): Promise<void> {
    await playout.finished;
    const heard = speech.interrupted ? playedTextByRound(speech.segments, speech.playedMsAtInterrupt) : null;
    for (const message of result.messages) {
      if (message.role !== 'assistant') {
        this.history.push(message);
        continue;
      }
      const round = [...result.rounds].find(([, m]) => m === message)?.[0] ?? 0;
      const text = heard ? (heard.get(round) ?? '') : message.content;
      if (text || message.toolCalls) this.history.push({ ...message, content: text });
      if (text) {
        this.emit({
          type: 'assistant_message',
          speechId: speech.id,
          agentId: this.agent.plan.id,
          text,
          interrupted: speech.interrupted,
        });
      }
    }
    if (metrics) this.emit({ type: 'metrics', metrics: metrics.metrics() });
    if (result.error) this.providerError('llm', result.error, true);
    for (const effect of result.effects) {
      if (effect.kind === 'end_call') this.endAfterSpeech = true;
      if (effect.kind === 'handoff') await this.handoff(effect.tool, effect.reason, speech);
    }
  }

  private async speakText(speech: SpeechHandle, text: string): Promise<void> {
    const playout = this.createPlayout(speech, this.agent, () => null);
    const splitter = new SentenceSplitter();
    for (const sentence of [...splitter.push(text), ...splitter.flush()]) playout.say(sentence, 0);
    playout.end();
    await this.finishReply(
      speech,
      { messages: [{ role: 'assistant', content: text }], rounds: new Map(), effects: [] },
      null,
      playout,
    );
  }

  private async handoff(tool: HandoffToolPlan, reason: string, speech: SpeechHandle): Promise<void> {
    const target = this.options.plan.agents[tool.targetAgentId];
    if (!target || this.ended) return;
    const from = this.agent;
    if (tool.transferLine && !speech.interrupted) {
      const line = new SpeechHandle(`speech_${++this.speechCount}`, speech.allowInterruptions);
      this.current = line;
      await this.speakText(line, this.render(tool.transferLine));
      this.current = speech;
    }
    this.history = await handoffContext(this.history, tool, (history) => this.summarize(from, history));
    this.agent = this.activate(target);
    this.typeAhead = [];
    this.emit({ type: 'handoff', from: from.plan.id, to: target.id, edgeId: tool.edgeId, reason });
    const greet = () => {
      if (target.greeting) return this.say(this.render(target.greeting));
      const context: ChatMessage[] = [
        ...this.history,
        {
          role: 'system',
          content: `The caller was just transferred to you from ${from.plan.name}. Greet them and help.`,
        },
      ];
      this.schedule(target.settings.interruption.enabled, (next) => this.reply(next, context, null));
    };
    if (hasEntrySteps(target)) this.enter(target, greet);
    else greet();
  }

  /** Runs an agent's on-enter steps as one speech: lines, tool, digits, then its routes (agent-entry.ts). */
  private enter(agent: AgentPlan, greet: () => void): void {
    this.schedule(agent.settings.interruption.enabled, (speech) =>
      enterAgent(agent, {
        routes: this.routes,
        emit: (body) => this.emit(body),
        speak: async (text) => {
          const line = new SpeechHandle(`speech_${++this.speechCount}`, speech.allowInterruptions);
          this.current = line;
          await this.speakText(line, this.render(text));
          this.current = speech;
        },
        runTool: (call, plan) => this.runAgentTool(call, plan.tools, speech.signal),
        collectDigits: (step) => {
          this.digits = new DigitCollector(this.clock, step);
          for (const key of this.typeAhead.splice(0)) this.digits.press(key);
          return this.digits;
        },
        setVariable: (name, digits) => this.setDigits(name, digits),
        handoff: (tool, reason) => this.handoff(tool, reason, speech),
        endCall: () => {
          this.endAfterSpeech = true;
        },
        otherwise: greet,
        aborted: () => speech.signal.aborted || this.ended,
      }),
    );
  }

  /** One key press of the caller: an event, and a digit for a "collect digits" step under way. */
  private dtmf(digit: string): void {
    if (this.ended) return;
    this.emit({ type: 'dtmf', digit });
    this.userAway.userActive();
    if (this.digits) this.digits.press(digit);
    else this.typeAhead.push(digit);
  }

  /** Stores collected digits in `name` (a number variable gets a number). */
  private setDigits(name: string, digits: string): void {
    this.digits = null;
    const type = this.options.plan.variables.find((v) => v.name === name)?.type;
    const value = type === 'number' && digits !== '' ? Number(digits) : digits;
    this.values[name] = value;
    this.emit({ type: 'variable_set', name, value });
  }

  private async summarize(agent: ActiveAgent, history: readonly ChatMessage[]): Promise<string> {
    if (agent.llm.id === 'scripted') return briefSummary(history);
    let text = '';
    try {
      const prompt = 'Summarize this phone conversation in at most two sentences for a colleague taking over the call.';
      const messages: ChatMessage[] = [
        { role: 'system', content: prompt },
        { role: 'user', content: transcriptLines(history).join('\n') },
      ];
      for await (const chunk of agent.llm.chat({ messages, tools: [] })) if (chunk.type === 'text') text += chunk.delta;
    } catch {
      return briefSummary(history);
    }
    return text.trim() ? `Summary of the call so far: ${text.trim()}` : briefSummary(history);
  }

  private providerError(source: string, error: unknown, apologize: boolean): void {
    const { code, message } = describeProviderError(error);
    this.emit({ type: 'error', source, code, message, recoverable: true });
    if (apologize && source !== 'tts' && !this.ended) this.say(apologyLine);
  }
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
