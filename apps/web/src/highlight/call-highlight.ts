/**
 * What the canvas marks during a call or a replay: the active agent and the handoffs taken. The
 * tester produces it and the builder's canvas paints it; neither imports the other for it.
 */
export interface CallHighlight {
  activeAgentId: string | null;
  edgeIds: readonly string[];
}
