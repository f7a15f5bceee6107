import type { AgentPlan, SessionPlan } from '../flow/plan';

/**
 * The entry agent as the call's speech recognizer sees it. The STT runs for the whole call
 * (handoffs never restart it), so its phrase list is every agent's phrases, not only the entry's:
 * grammar-based recognizers can only hear what they were given.
 */
export function callSttAgent(plan: SessionPlan, entry: AgentPlan): AgentPlan {
  const phrases = [...new Set(Object.values(plan.agents).flatMap((agent) => agent.providers.stt.phrases ?? []))];
  if (phrases.length === 0) return entry;
  return { ...entry, providers: { ...entry.providers, stt: { ...entry.providers.stt, phrases } } };
}
