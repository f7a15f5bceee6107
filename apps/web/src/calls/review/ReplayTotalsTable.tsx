'use client';

import type { ReplayResult } from '@parley/engine';

/** "812 ms", or a dash when there is no value. */
export const ms = (value: number | null | undefined) =>
  value === null || value === undefined ? '–' : `${Math.round(value)} ms`;

/** Turns, median and p90 response, cut-offs and interruptions: what happened next to the replay. */
export function ReplayTotalsTable({ totals, label }: { totals: ReplayResult['totals']; label: string }) {
  return (
    <table className="replay-totals" aria-label={label}>
      <thead>
        <tr>
          <th />
          <th>Turns</th>
          <th>Median response</th>
          <th>p90 response</th>
          <th>Cut-offs</th>
          <th>Interruptions</th>
          <th>Missed interruptions</th>
        </tr>
      </thead>
      <tbody>
        {(['recorded', 'replay'] as const).map((side) => (
          <tr key={side}>
            <th>{side === 'recorded' ? 'In the call' : 'Replayed'}</th>
            <td>{totals[side].turns}</td>
            <td>{ms(totals[side].medianResponseDelay)}</td>
            <td>{ms(totals[side].p90ResponseDelay)}</td>
            <td>{totals[side].cutOffs}</td>
            <td>{totals[side].interruptions}</td>
            <td>{side === 'replay' ? totals.replay.missedInterruptions : '–'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
