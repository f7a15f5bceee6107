import type { ReplayResult } from './replay-turns';

/**
 * Scenario-style assertions over replays (e.g. "no cut-offs on these 5 recordings"): each
 * throws an Error naming the recording and the turn that broke it.
 */
export class ReplayExpect {
  constructor(
    private readonly results: readonly ReplayResult[],
    /** Names of the recordings, same order as `results` (default: their index). */
    private readonly names: readonly string[] = results.map((_, i) => `recording ${i + 1}`),
  ) {}

  /** No replayed turn cut the caller off. */
  noCutOffs(): this {
    const bad = this.each((r) =>
      r.turns.filter((row) => row.replay?.cutOff).map((row) => `turn ending at ${fmt(row.speechEndAt)}`),
    );
    if (bad.length) throw new Error(`expected no cut-offs, but the agent cut the caller off: ${bad.join('; ')}`);
    return this;
  }

  /** Every interruption the calls had would still fire. */
  noMissedInterruptions(): this {
    const bad = this.each((r) =>
      r.interruptions
        .filter((row) => row.recorded.interruptedAt !== null && row.replay.interruptedAt === null)
        .map((row) => `agent speech at ${fmt(row.startMs)}`),
    );
    if (bad.length) throw new Error(`expected no missed interruptions, but these would not fire: ${bad.join('; ')}`);
    return this;
  }

  /** Each replayed turn answers within `ms` of the caller's speech end. */
  responseDelayAtMost(ms: number): this {
    const bad = this.each((r) =>
      r.turns
        .filter((row) => (row.replay?.responseDelay ?? 0) > ms)
        .map((row) => `turn ending at ${fmt(row.speechEndAt)} (${Math.round(row.replay?.responseDelay ?? 0)} ms)`),
    );
    if (bad.length) throw new Error(`expected every response within ${ms} ms, but: ${bad.join('; ')}`);
    return this;
  }

  private each(find: (result: ReplayResult) => string[]): string[] {
    return this.results.flatMap((result, i) => find(result).map((what) => `${this.names[i]}: ${what}`));
  }
}

/** Assertions over a set of replays. */
export function expectReplays(results: readonly ReplayResult[], names?: readonly string[]): ReplayExpect {
  return new ReplayExpect(results, names);
}

function fmt(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}
