import type { CallView } from './call-view';

/** What the canvas marks during a call or a replay: the active agent and the handoffs taken. */
export interface CallHighlight {
  activeAgentId: string | null;
  edgeIds: readonly string[];
}

/** The canvas highlight of a call view. */
export function highlightOf(view: CallView): CallHighlight {
  return { activeAgentId: view.activeAgentId, edgeIds: view.path };
}

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
