import type { AgentSpec, HandoffEdge } from '@parley/engine/flow';
import type { Edge, Node } from '@xyflow/react';

/** What an agent node draws: the agent itself and how validation sees it. */
export interface AgentNodeData extends Record<string, unknown> {
  agent: AgentSpec;
  isEntry: boolean;
  errors: number;
  warnings: number;
}

/** A React Flow node derived from one agent of the FlowSpec. */
export type AgentNode = Node<AgentNodeData, 'agent'>;

/** What a handoff edge draws. */
export interface HandoffEdgeData extends Record<string, unknown> {
  edge: HandoffEdge;
  toolName: string;
  errors: number;
}

/** A React Flow edge derived from one handoff of the FlowSpec. */
export type HandoffFlowEdge = Edge<HandoffEdgeData, 'handoff'>;

/** Measured node sizes, reported by React Flow; view-only data the FlowSpec does not hold. */
export type MeasuredSizes = ReadonlyMap<string, { width: number; height: number }>;
