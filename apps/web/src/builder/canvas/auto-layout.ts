import dagre from '@dagrejs/dagre';
import type { FlowSpec } from '@parley/engine/flow';
import type { XY } from '../state/spec-edits';
import type { MeasuredSizes } from './types';

const fallbackSize = { width: 220, height: 72 };

/** Left-to-right layered positions for every agent (dagre), following the handoffs. */
export function autoLayout(spec: FlowSpec, sizes: MeasuredSizes): Map<string, XY> {
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: 'LR', nodesep: 40, ranksep: 120 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const agent of spec.agents) graph.setNode(agent.id, { ...(sizes.get(agent.id) ?? fallbackSize) });
  for (const edge of spec.edges) {
    if (graph.hasNode(edge.from) && graph.hasNode(edge.to)) graph.setEdge(edge.from, edge.to);
  }
  dagre.layout(graph);
  const positions = new Map<string, XY>();
  for (const agent of spec.agents) {
    const node = graph.node(agent.id);
    // dagre gives centres; React Flow positions are top-left corners.
    if (node) positions.set(agent.id, { x: node.x - node.width / 2, y: node.y - node.height / 2 });
  }
  return positions;
}
