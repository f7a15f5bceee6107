import type { ChatMessage } from '../providers/llm/types';

/** Messages from the start of the n-th last user turn on (a turn starts at a user message). */
export function lastTurns(messages: readonly ChatMessage[], n: number): ChatMessage[] {
  if (n <= 0) return [];
  let seen = 0;
  for (let i = messages.length - 1; i >= 0; i--) {
    if (messages[i]?.role === 'user' && ++seen === n) return messages.slice(i);
  }
  return [...messages];
}

/** The conversation as plain lines ("Caller: …" / "Agent: …"), tool traffic left out. */
export function transcriptLines(messages: readonly ChatMessage[]): string[] {
  const lines: string[] = [];
  for (const message of messages) {
    if (message.role === 'user') lines.push(`Caller: ${message.content}`);
    if (message.role === 'assistant' && message.content) lines.push(`Agent: ${message.content}`);
  }
  return lines;
}

/** A short, deterministic summary of the conversation: what the caller asked, most recent last. */
export function briefSummary(messages: readonly ChatMessage[]): string {
  const said = messages
    .filter((m): m is Extract<ChatMessage, { role: 'user' }> => m.role === 'user' && m.content.trim() !== '')
    .slice(-3)
    .map((m) => `"${clip(m.content.trim(), 160)}"`);
  if (said.length === 0) return 'Summary of the call so far: the caller has not said anything yet.';
  return `Summary of the call so far: the caller said ${said.join(', then ')}.`;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
