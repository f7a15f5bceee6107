import {
  type AgentKind,
  type AgentSpec,
  type FlowSpec,
  type HandoffEdge,
  handoffEdgeSchema,
} from '@parley/engine/flow';
import { uniqueId } from './ids';

/** A position on the canvas, in flow coordinates. */
export interface XY {
  x: number;
  y: number;
}

/** Agents (and the handoffs between them) copied to the clipboard. */
export interface Clip {
  agents: AgentSpec[];
  edges: HandoffEdge[];
}

const kindNames: Record<AgentKind, string> = { agent: 'Agent', say: 'Say', end: 'End' };

/** Adds a blank node (an LLM agent, a say or an end node) at `position`; the first one of a flow without an entry becomes it. */
export function addAgent(spec: FlowSpec, position: XY, kind: AgentKind = 'agent'): { spec: FlowSpec; id: string } {
  const id = uniqueId(
    kind === 'agent' ? 'agent' : kind,
    spec.agents.map((a) => a.id),
  );
  const number = spec.agents.length + 1;
  const agent: AgentSpec = {
    id,
    name: `${kindNames[kind]} ${number}`,
    instructions: '',
    tools: [],
    position: round(position),
    ...(kind === 'agent' ? {} : { kind, onEnter: { say: '' } }),
  };
  const hasEntry = spec.agents.some((a) => a.id === spec.entryAgentId);
  return { spec: { ...spec, agents: [...spec.agents, agent], entryAgentId: hasEntry ? spec.entryAgentId : id }, id };
}

/** Removes agents (with every handoff touching them) and handoffs. */
export function removeElements(spec: FlowSpec, agentIds: Iterable<string>, edgeIds: Iterable<string>): FlowSpec {
  const agents = new Set(agentIds);
  const edges = new Set(edgeIds);
  if (agents.size === 0 && edges.size === 0) return spec;
  return {
    ...spec,
    agents: spec.agents.filter((a) => !agents.has(a.id)),
    edges: spec.edges.filter((e) => !edges.has(e.id) && !agents.has(e.from) && !agents.has(e.to)),
    entryAgentId: agents.has(spec.entryAgentId) ? '' : spec.entryAgentId,
  };
}

/** True when a handoff from `from` to `to` may be added: two different agents not yet connected that way. */
export function canConnect(spec: FlowSpec, from: string, to: string): boolean {
  return from !== to && !spec.edges.some((e) => e.from === from && e.to === to);
}

/** Adds a handoff from one agent to another (refused as a no-op when canConnect says no). */
export function connect(spec: FlowSpec, from: string, to: string): { spec: FlowSpec; id: string | null } {
  if (!canConnect(spec, from, to)) return { spec, id: null };
  const id = uniqueId(
    `${from}_to_${to}`,
    spec.edges.map((e) => e.id),
  );
  const edge: HandoffEdge = handoffEdgeSchema.parse({ id, from, to });
  return { spec: { ...spec, edges: [...spec.edges, edge] }, id };
}

/** Moves agents; agents not in `positions` keep their object identity (the canvas relies on it). */
export function moveAgents(spec: FlowSpec, positions: ReadonlyMap<string, XY>): FlowSpec {
  if (positions.size === 0) return spec;
  return {
    ...spec,
    agents: spec.agents.map((a) => {
      const to = positions.get(a.id);
      return to ? { ...a, position: round(to) } : a;
    }),
  };
}

/** Replaces one agent with `update(agent)`. */
export function updateAgent(spec: FlowSpec, id: string, update: (agent: AgentSpec) => AgentSpec): FlowSpec {
  return { ...spec, agents: spec.agents.map((a) => (a.id === id ? update(a) : a)) };
}

/** Replaces one handoff with `update(edge)`. */
export function updateEdge(spec: FlowSpec, id: string, update: (edge: HandoffEdge) => HandoffEdge): FlowSpec {
  return { ...spec, edges: spec.edges.map((e) => (e.id === id ? update(e) : e)) };
}

/** Copies the given agents and the handoffs among them. */
export function copyAgents(spec: FlowSpec, ids: Iterable<string>): Clip {
  const chosen = new Set(ids);
  return {
    agents: spec.agents.filter((a) => chosen.has(a.id)),
    edges: spec.edges.filter((e) => chosen.has(e.from) && chosen.has(e.to)),
  };
}

/** Pastes a clip with fresh ids, shifted by `offset`; returns the new agent ids. */
export function pasteClip(spec: FlowSpec, clip: Clip, offset: XY): { spec: FlowSpec; ids: string[] } {
  const agentIds = spec.agents.map((a) => a.id);
  const edgeIds = spec.edges.map((e) => e.id);
  const renamed = new Map<string, string>();
  const agents = clip.agents.map((agent) => {
    const id = uniqueId(agent.id, agentIds);
    agentIds.push(id);
    renamed.set(agent.id, id);
    const position = { x: agent.position.x + offset.x, y: agent.position.y + offset.y };
    return { ...structuredClone(agent), id, name: `${agent.name} copy`, position: round(position) };
  });
  const edges = clip.edges.map((edge) => {
    const id = uniqueId(edge.id, edgeIds);
    edgeIds.push(id);
    const copy = { ...edge, id, from: renamed.get(edge.from) ?? edge.from, to: renamed.get(edge.to) ?? edge.to };
    // A custom tool name would now name two different targets' tools; let the copy derive its own.
    delete copy.toolName;
    return copy;
  });
  return {
    spec: { ...spec, agents: [...spec.agents, ...agents], edges: [...spec.edges, ...edges] },
    ids: [...renamed.values()],
  };
}

function round(p: XY): XY {
  return { x: Math.round(p.x), y: Math.round(p.y) };
}
