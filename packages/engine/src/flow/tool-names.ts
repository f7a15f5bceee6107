import type { AgentSpec, HandoffEdge } from './schema';

/** Names an LLM function may have (the strictest common rule of OpenAI-style APIs). */
export const toolNamePattern = /^[A-Za-z0-9_-]{1,64}$/;

/** The tool the LLM calls to store an extracted variable. */
export const SET_VARIABLE_TOOL = 'set_variable';

/** Handoff tool name of an edge: its own, else `transfer_to_<target name>`. */
export function handoffToolName(edge: HandoffEdge, target: Pick<AgentSpec, 'id' | 'name'> | undefined): string {
  if (edge.toolName) return edge.toolName;
  const base = (target?.name || target?.id || edge.to)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return `transfer_to_${base || 'agent'}`.slice(0, 64);
}
