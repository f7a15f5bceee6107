import { type ReplayResult, type ReplayTotals, replaySetTotals, type TurnHandlingOverrides } from '@parley/engine';
import type { RecordingStoreConfig } from './recordings-config';
import type { ReplayJob } from './replay-ipc';
import type { ReplayOutcome } from './replay-process';

/** Most calls one set replay takes (each is a process of its own, run one after another). */
export const MAX_REPLAY_SET = 50;

/** One call of a set replay: its own totals, or why it was left out. */
export type ReplaySetCall =
  | { callId: string; totals: ReplayResult['totals'] }
  | { callId: string; missing: true }
  | { callId: string; failed: string };

/** A set replay: each call's totals and the totals across every call that replayed. */
export interface ReplaySetResult {
  calls: ReplaySetCall[];
  totals: { replay: ReplayTotals; recorded: ReplayTotals };
}

/**
 * Replays each call's recording with the same overrides, one process at a time (a set must not
 * take more than one core from live calls), and sums the turns with the engine's replaySetTotals.
 */
export async function replaySet(
  callIds: readonly string[],
  overrides: TurnHandlingOverrides,
  store: RecordingStoreConfig,
  replay: (job: ReplayJob) => Promise<ReplayOutcome>,
): Promise<ReplaySetResult> {
  const calls: ReplaySetCall[] = [];
  const results: ReplayResult[] = [];
  for (const callId of callIds) {
    const outcome = await replay({ store, callId, overrides });
    if ('result' in outcome) {
      results.push(outcome.result);
      calls.push({ callId, totals: outcome.result.totals });
    } else calls.push({ callId, ...outcome });
  }
  return { calls, totals: replaySetTotals(results) };
}
