import { type AgentSpec, type HandoffEdge, handoffToolName, isAutomaticEdge } from '@parley/engine/flow';

/** What an edge's label says: its condition, "next" from a say node, else the LLM's handoff tool. */
export function edgeLabel(edge: HandoffEdge, from: AgentSpec | undefined, to: AgentSpec | undefined): string {
  if (edge.condition !== undefined) return `if ${edge.condition || '…'}`;
  if (isAutomaticEdge(edge, from)) return 'next';
  return handoffToolName(edge, to);
}
