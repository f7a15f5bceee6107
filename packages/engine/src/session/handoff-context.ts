import type { HandoffToolPlan } from '../flow/plan';
import type { ChatMessage } from '../providers/llm/types';
import { briefSummary, lastTurns } from './chat-context';

/** Writes a summary of a conversation; the session asks the LLM unless it is the scripted one. */
export type Summarizer = (history: readonly ChatMessage[]) => Promise<string>;

/** The chat history the next agent starts with, by the handoff edge's context policy. */
export async function handoffContext(
  history: readonly ChatMessage[],
  edge: Pick<HandoffToolPlan, 'contextPolicy' | 'lastN'>,
  summarize: Summarizer = async (messages) => briefSummary(messages),
): Promise<ChatMessage[]> {
  switch (edge.contextPolicy) {
    case 'full':
      return [...history];
    case 'lastN':
      return lastTurns(history, edge.lastN);
    case 'summary':
      return history.length === 0 ? [] : [{ role: 'system', content: await summarize(history) }];
    case 'none':
      return [];
  }
}
