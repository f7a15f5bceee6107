import { type AgentKind, agentKinds } from '@parley/engine/flow';

/** The drag-and-drop data type the palette sets and the canvas accepts. */
export const AGENT_DRAG_TYPE = 'application/x-parley-agent';

/** Half the size of a new agent node, so a dropped agent lands centred on the pointer. */
export const NEW_AGENT_OFFSET = { x: 110, y: 36 };

/** The node kind a palette drag carries (an LLM agent when it names none we know). */
export function paletteKind(data: string): AgentKind {
  return (agentKinds as readonly string[]).includes(data) ? (data as AgentKind) : 'agent';
}
