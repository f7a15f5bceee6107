import type { CallHighlight } from '../../highlight/call-highlight';

/** Adds the highlight's class to the active node (only that node object changes). */
export function highlightNodes<N extends { id: string; className?: string }>(
  nodes: N[],
  highlight: CallHighlight | null,
): N[] {
  if (!highlight?.activeAgentId) return nodes;
  return nodes.map((node) =>
    node.id === highlight.activeAgentId ? { ...node, className: `${node.className ?? ''} call-active`.trim() } : node,
  );
}

/** Marks the handoff edges the call took, animated along their direction. */
export function highlightEdges<E extends { id: string; className?: string; animated?: boolean }>(
  edges: E[],
  highlight: CallHighlight | null,
): E[] {
  if (!highlight || highlight.edgeIds.length === 0) return edges;
  const taken = new Set(highlight.edgeIds);
  return edges.map((edge) =>
    taken.has(edge.id) ? { ...edge, className: `${edge.className ?? ''} call-path`.trim(), animated: true } : edge,
  );
}
