import type { AgentPlan, HandoffToolPlan } from '../../flow/plan';
import { compileSafeRegex } from '../../flow/safe-regex';
import { renderTemplate } from '../../flow/template';
import type { ChatMessage, Llm, LlmChunk, LlmRequest } from './types';

export interface ScriptedLlmOptions {
  agent: Pick<AgentPlan, 'id' | 'name' | 'tools' | 'script'>;
  /** The call's variables, for `{{name}}` in `say` and call arguments. */
  variables?: () => Readonly<Record<string, unknown>>;
}

/** Words that say nothing about where a caller wants to go. */
const stopWords = new Set(
  'transfer caller about when wants would their there which agent with this that from have into your they them the and for'.split(
    ' ',
  ),
);

/**
 * The offline default LLM: deterministic replies from the agent's script rules. For the last
 * user message the first rule whose `when` matches (case-insensitive, linear-time RE2 syntax) speaks its `say` word
 * by word and/or calls its tool; `{{name}}` in both reads the regex's named groups, then the
 * call's variables. After tool results it acknowledges them; with no matching rule it takes a
 * handoff whose name or description words the caller used, else the fallback, else echoes.
 */
export function createScriptedLlm(options: ScriptedLlmOptions): Llm {
  return { id: 'scripted', chat: (request) => reply(options, request) };
}

async function* reply(options: ScriptedLlmOptions, request: LlmRequest): AsyncGenerator<LlmChunk> {
  const { messages } = request;
  const last = messages.at(-1);
  if (last?.role === 'tool') return yield* words(acknowledge(messages), request.signal);

  const userText = last?.role === 'user' ? last.content : '';
  if (!userText.trim()) return yield* words(`Hi, this is ${options.agent.name}. How can I help you?`, request.signal);

  const nextId = () => `call_${options.agent.id}_${countToolCalls(messages) + 1}`;
  for (const rule of options.agent.script.rules) {
    const compiled = compileSafeRegex(rule.when);
    const groups = compiled.ok ? compiled.regex.exec(userText) : null;
    if (!groups) continue;
    const values = { ...options.variables?.(), ...groups };
    if (rule.say) yield* words(renderTemplate(rule.say, values), request.signal);
    if (rule.call) {
      const args = Object.fromEntries(
        Object.entries(rule.call.args).map(([k, v]) => [k, typeof v === 'string' ? renderTemplate(v, values) : v]),
      );
      yield { type: 'tool_call', call: { id: nextId(), name: rule.call.tool, arguments: JSON.stringify(args) } };
    }
    return;
  }

  const handoff = handoffFor(userText, options.agent.tools);
  if (handoff) {
    const args = JSON.stringify({ reason: `The caller said: ${userText}` });
    yield { type: 'tool_call', call: { id: nextId(), name: handoff.name, arguments: args } };
    return;
  }
  yield* words(options.agent.script.fallback ?? `You said: ${userText.trim()}.`, request.signal);
}

/** Streams `text` one word per delta, yielding to the event loop between words like a network stream. */
async function* words(text: string, signal?: AbortSignal): AsyncGenerator<LlmChunk> {
  for (const delta of text.match(/\S+\s*/g) ?? []) {
    if (signal?.aborted) return;
    yield { type: 'text', delta };
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** What the scripted agent says when a tool failed. */
export const TOOL_FAILED_APOLOGY = "Sorry, I couldn't get that done just now.";

function acknowledge(messages: readonly ChatMessage[]): string {
  const results: string[] = [];
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i];
    if (message?.role !== 'tool') break;
    results.unshift(message.content);
  }
  for (const result of results) {
    const parsed = parseObject(result);
    // The reason is for the tester and the records (tool_result), not for the caller's ears.
    if (typeof parsed?.error === 'string') return TOOL_FAILED_APOLOGY;
  }
  for (const result of results) {
    const parsed = parseObject(result);
    const said = parsed?.say ?? parsed?.message;
    if (typeof said === 'string' && said.trim()) return said;
  }
  return 'All right, done.';
}

function handoffFor(text: string, tools: AgentPlan['tools']): HandoffToolPlan | undefined {
  const said = new Set(keywords(text));
  const handoffs = tools.filter((t): t is HandoffToolPlan => t.kind === 'handoff');
  const byName = handoffs.find((t) => keywords(t.name.replace(/^transfer_to_/, '')).some((w) => said.has(w)));
  return byName ?? handoffs.find((t) => keywords(t.description).some((w) => w.length >= 5 && said.has(w)));
}

/** Lowercase content words with a plural "s" dropped, so "invoices" meets "invoice". */
function keywords(text: string): string[] {
  return (text.toLowerCase().match(/[a-z]+/g) ?? [])
    .filter((w) => w.length >= 3 && !stopWords.has(w))
    .map((w) => (w.length > 4 ? w.replace(/s$/, '') : w));
}

function countToolCalls(messages: readonly ChatMessage[]): number {
  return messages.reduce((n, m) => n + (m.role === 'assistant' ? (m.toolCalls?.length ?? 0) : 0), 0);
}

function parseObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
