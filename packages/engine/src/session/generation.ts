import type { ChatMessage, Llm, ToolCallRequest, ToolDefinition } from '../providers/llm/types';
import { type Clock, trackIterable } from './clock';
import type { SessionEventBody } from './events';
import { isRetryable } from './provider-retry';
import { MAX_REPLY_CHARS, SentenceSplitter } from './sentence-splitter';
import type { SpeechHandle } from './speech-handle';
import type { SpeechPlayout } from './speech-playout';
import type { ToolOutcome } from './tools/tool-outcome';

type AssistantMessage = Extract<ChatMessage, { role: 'assistant' }>;
export type ToolEffect = NonNullable<ToolOutcome['effect']>;

export interface GenerationInput {
  agentId: string;
  llm: Llm;
  /** The rendered instructions, re-read every round so set_variable changes show. */
  system: () => string;
  /** Context the reply answers: the chat so far, ending with the user's message. */
  context: readonly ChatMessage[];
  tools: readonly ToolDefinition[];
  maxToolSteps: number;
  speech: SpeechHandle;
  playout: SpeechPlayout;
  clock: Clock;
  emit: (body: SessionEventBody) => void;
  runTool: (call: ToolCallRequest) => Promise<ToolOutcome>;
  /** Resolves true once the reply may act (run tools); false if it was discarded. */
  adopted?: Promise<boolean>;
  hooks?: { onLlmFirstToken?(ms: number): void; onProviderTime?(ms: number): void };
}

export interface GenerationResult {
  /** Messages the reply added to the chat: assistant rounds and tool results, in order. */
  messages: ChatMessage[];
  /** The assistant message of each round, by round number (for truncation). */
  rounds: Map<number, AssistantMessage>;
  effects: ToolEffect[];
  error?: unknown;
}

/**
 * One reply: LLM rounds whose text streams sentence by sentence into the playout while tool
 * calls run concurrently. At most `maxToolSteps` rounds run tools; the round after the last
 * allowed one gets no tools, so the model has to answer in words. A handoff or end_call stops
 * further rounds. A retryable provider failure before any output is retried once.
 */
export async function generateReply(input: GenerationInput): Promise<GenerationResult> {
  const result: GenerationResult = { messages: [], rounds: new Map(), effects: [] };
  const { speech } = input;
  try {
    for (let round = 0; round <= input.maxToolSteps && !speech.signal.aborted; round++) {
      const tools = round < input.maxToolSteps ? input.tools : [];
      const messages = [...input.context, ...result.messages];
      const spokeBefore = result.messages.some((m) => m.role === 'assistant' && m.content !== '');
      const { text, calls } = await llmRound(input, messages, tools, round, spokeBefore);
      if (speech.signal.aborted) break;
      const message: AssistantMessage = {
        role: 'assistant',
        content: text,
        ...(calls.length ? { toolCalls: calls.map((c) => c.call) } : {}),
      };
      result.rounds.set(round, message);
      result.messages.push(message);
      if (calls.length === 0) break;
      const outcomes = await timed(input, Promise.all(calls.map((c) => c.outcome)));
      for (const [i, outcome] of outcomes.entries()) {
        const { call } = calls[i] as (typeof calls)[number];
        input.emit({
          type: 'tool_result',
          callId: call.id,
          name: call.name,
          output: outcome.output,
          isError: outcome.isError,
        });
        result.messages.push({ role: 'tool', toolCallId: call.id, content: outcome.output });
        if (outcome.effect) result.effects.push(outcome.effect);
      }
      if (result.effects.some((e) => e.kind === 'handoff' || e.kind === 'end_call')) break;
    }
  } catch (error) {
    if (!speech.signal.aborted) result.error = error;
  }
  input.playout.end();
  return result;
}

interface StartedCall {
  call: ToolCallRequest;
  outcome: Promise<ToolOutcome>;
}

async function llmRound(
  input: GenerationInput,
  messages: ChatMessage[],
  tools: readonly ToolDefinition[],
  round: number,
  spokeBefore: boolean,
): Promise<{ text: string; calls: StartedCall[] }> {
  for (let attempt = 0; ; attempt++) {
    let text = '';
    const calls: StartedCall[] = [];
    try {
      await streamRound(input, messages, tools, round, spokeBefore, {
        onText: (delta) => {
          text += delta;
        },
        onCall: (call) => calls.push({ call, outcome: startTool(input, call) }),
      });
      return { text: text.trim(), calls };
    } catch (error) {
      const nothingOut = text === '' && calls.length === 0;
      if (attempt > 0 || !nothingOut || !isRetryable(error) || input.speech.signal.aborted) throw error;
    }
  }
}

async function streamRound(
  input: GenerationInput,
  messages: ChatMessage[],
  tools: readonly ToolDefinition[],
  round: number,
  spokeBefore: boolean,
  sink: { onText(delta: string): void; onCall(call: ToolCallRequest): void },
): Promise<void> {
  const { speech, clock } = input;
  const splitter = new SentenceSplitter();
  const requestedAt = clock.now();
  let waitStart = requestedAt;
  let first = true;
  // Text streamed to frontends runs on from the previous round's: keep the rounds apart.
  let separate = spokeBefore;
  const stream = input.llm.chat({
    messages: [{ role: 'system', content: input.system() }, ...messages],
    tools: [...tools],
    signal: speech.signal,
  });
  for await (const chunk of trackIterable(clock, stream)) {
    input.hooks?.onProviderTime?.(clock.now() - waitStart);
    if (speech.signal.aborted) return;
    if (first && round === 0) input.hooks?.onLlmFirstToken?.(clock.now() - requestedAt);
    first = false;
    if (chunk.type === 'text' && chunk.delta) {
      sink.onText(chunk.delta);
      const delta = separate && !/^\s/.test(chunk.delta) ? ` ${chunk.delta}` : chunk.delta;
      separate = false;
      input.emit({ type: 'assistant_text_delta', speechId: speech.id, agentId: input.agentId, delta });
      for (const sentence of splitter.push(chunk.delta)) input.playout.say(sentence, round);
    } else if (chunk.type === 'tool_call') {
      input.emit({
        type: 'tool_call',
        callId: chunk.call.id,
        agentId: input.agentId,
        name: chunk.call.name,
        arguments: parseArgs(chunk.call.arguments),
      });
      sink.onCall(chunk.call);
    }
    waitStart = clock.now();
  }
  for (const sentence of splitter.flush()) input.playout.say(sentence, round);
  if (splitter.truncated) {
    input.emit({
      type: 'error',
      source: 'llm',
      code: 'reply_too_long',
      message: `the reply was cut after ${MAX_REPLY_CHARS} characters of speech; ask for shorter answers in the agent's instructions`,
      recoverable: true,
    });
  }
}

async function startTool(input: GenerationInput, call: ToolCallRequest): Promise<ToolOutcome> {
  if (input.adopted && !(await input.adopted)) return { output: '', isError: true };
  return input.clock.track(input.runTool(call));
}

async function timed<T>(input: GenerationInput, work: Promise<T>): Promise<T> {
  const start = input.clock.now();
  try {
    return await work;
  } finally {
    input.hooks?.onProviderTime?.(input.clock.now() - start);
  }
}

function parseArgs(text: string): unknown {
  try {
    return JSON.parse(text || '{}');
  } catch {
    return text;
  }
}
