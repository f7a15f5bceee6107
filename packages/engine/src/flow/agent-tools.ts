import type { AgentSpec, FlowSpec, HandoffEdge } from './schema';
import { handoffToolName, SET_VARIABLE_TOOL } from './tool-names';

/** True for nodes run by an LLM (absent kind means an LLM agent). */
export function isLlmAgent(agent: Pick<AgentSpec, 'kind'>): boolean {
  return (agent.kind ?? 'agent') === 'agent';
}

/** True when the edge is taken without asking the LLM: it has a condition, or leaves a say node. */
export function isAutomaticEdge(edge: HandoffEdge, from: Pick<AgentSpec, 'kind'> | undefined): boolean {
  return edge.condition !== undefined || (from !== undefined && !isLlmAgent(from));
}

/** The global agents `agent` gets a generated handoff tool for (not itself, not ones it has a drawn LLM edge to). */
export function globalTargets(spec: FlowSpec, agent: AgentSpec): AgentSpec[] {
  if (!isLlmAgent(agent) || agent.globalHandoffs === false) return [];
  const globals = spec.agents.filter((g) => g.global && g.id !== agent.id);
  if (globals.length === 0) return [];
  const drawn = new Set(spec.edges.filter((e) => e.from === agent.id && !isAutomaticEdge(e, agent)).map((e) => e.to));
  return globals.filter((g) => !drawn.has(g.id));
}

/** Name of the handoff tool generated for a global agent. */
export function globalToolName(target: AgentSpec): string {
  return handoffToolName(
    { to: target.id, ...(target.global?.toolName ? { toolName: target.global.toolName } : {}) } as HandoffEdge,
    target,
  );
}

/** Every tool name the LLM of `agent` can call: own tools, set_variable, drawn and global handoffs. */
export function llmToolNames(spec: FlowSpec, agent: AgentSpec): Set<string> {
  const names = new Set(agent.tools.map((t) => t.name));
  if (spec.variables.length > 0) names.add(SET_VARIABLE_TOOL);
  const byId = new Map(spec.agents.map((a) => [a.id, a]));
  for (const edge of spec.edges) {
    if (edge.from === agent.id && !isAutomaticEdge(edge, agent)) names.add(handoffToolName(edge, byId.get(edge.to)));
  }
  for (const target of globalTargets(spec, agent)) names.add(globalToolName(target));
  return names;
}
