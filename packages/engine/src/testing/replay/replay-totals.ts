/** Numbers that sum up a replay (or the call as recorded), per call or across a set of calls. */
export interface TurnTotals {
  turns: number;
  /** Median and p90 of speech end -> agent start (ms); null with no turn the agent answered. */
  medianResponseDelay: number | null;
  p90ResponseDelay: number | null;
  cutOffs: number;
  interruptions: number;
  falseInterruptions: number;
}

/** One side (replay or recording) of a turn, as the totals need it. */
export interface TotalsInput {
  responseDelays: readonly number[];
  cutOffs: number;
  turns: number;
  interruptions: number;
  falseInterruptions: number;
}

/** Nearest-rank percentile (p in 0..1) of `values`, or null when empty. */
export function percentileOf(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[rank] as number;
}

/** Totals from the response delays and counts of one side. */
export function totalsOf(input: TotalsInput): TurnTotals {
  return {
    turns: input.turns,
    medianResponseDelay: percentileOf(input.responseDelays, 0.5),
    p90ResponseDelay: percentileOf(input.responseDelays, 0.9),
    cutOffs: input.cutOffs,
    interruptions: input.interruptions,
    falseInterruptions: input.falseInterruptions,
  };
}
