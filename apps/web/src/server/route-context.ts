/** The context Next passes to handlers under /api/flows/[id]. */
export interface FlowRouteContext {
  params: Promise<{ id: string }>;
}

/** The context Next passes to handlers under /api/flows/[id]/versions/[number]. */
export interface VersionRouteContext {
  params: Promise<{ id: string; number: string }>;
}
