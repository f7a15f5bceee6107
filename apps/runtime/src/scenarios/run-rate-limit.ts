/** Too many scenario runs for one workspace; `retryAfterS` says when the next one may start. */
export class ScenarioRunsLimited extends Error {
  constructor(
    readonly retryAfterS: number,
    limit: number,
  ) {
    super(`this workspace may start ${limit} scenario runs a minute; try again in ${retryAfterS} s`);
    this.name = 'ScenarioRunsLimited';
  }
}

/**
 * At most `limit` scenario runs per workspace in any 60 s, counted in this runtime's memory (one
 * runtime; several would each count; the web app's shared limits live in Postgres).
 */
export class ScenarioRunLimit {
  private readonly starts = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts a run for `workspaceId`, or throws ScenarioRunsLimited when it is over the limit. */
  take(workspaceId: string): void {
    const now = this.now();
    const recent = (this.starts.get(workspaceId) ?? []).filter((t) => now - t < 60_000);
    if (recent.length >= this.limit) {
      this.starts.set(workspaceId, recent);
      throw new ScenarioRunsLimited(Math.ceil((60_000 - (now - (recent[0] ?? now))) / 1000), this.limit);
    }
    recent.push(now);
    this.starts.set(workspaceId, recent);
  }
}
