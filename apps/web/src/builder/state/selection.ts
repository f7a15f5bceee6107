/** What is selected on the canvas: agent ids and handoff ids. UI state, not part of the flow. */
export interface Selection {
  agents: ReadonlySet<string>;
  edges: ReadonlySet<string>;
}

/** Nothing selected. */
export const emptySelection: Selection = { agents: new Set(), edges: new Set() };

/** A selection of exactly these agents. */
export const selectAgents = (ids: Iterable<string>): Selection => ({ agents: new Set(ids), edges: new Set() });

/** A selection of exactly this handoff. */
export const selectEdge = (id: string): Selection => ({ agents: new Set(), edges: new Set([id]) });
