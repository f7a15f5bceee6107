'use client';

import type { TurnHandlingOverrides } from '@parley/engine';
import { turnHandlingDefaults } from '@parley/engine/flow';
import { useState } from 'react';
import type { CallListItem } from '@/src/api/types';
import { TurnHandlingFields } from '@/src/builder/settings/TurnHandlingFields';
import { setPath } from '@/src/builder/state/paths';
import { formatWhen } from '../format';
import { ms, ReplayTotalsTable } from './ReplayTotalsTable';
import './review.css';
import { type ReplaySetResult, recordingsApi } from './recordings-api';

/** The settings a replay re-runs: turn detection, endpointing, interruption and the VAD. */
const replayable = /^(turnDetection|endpointing\.|interruption\.|vad\.)/;

/**
 * The turn-taking lab over several recorded calls of one flow: one set of turn settings (empty
 * fields keep each call's own), replayed call by call on the runtime, with the totals across the
 * set next to what really happened, and each call's own totals below.
 */
export function ReplaySetPanel({ calls, onClear }: { calls: CallListItem[]; onClear(): void }) {
  const [overrides, setOverrides] = useState<TurnHandlingOverrides>({});
  const [result, setResult] = useState<ReplaySetResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const flow = calls[0];
  if (!flow) return null;
  const byId = new Map(calls.map((call) => [call.id, call]));

  const run = async () => {
    setBusy(true);
    setMessage(null);
    const reply = await recordingsApi.replaySet(
      flow.flowId,
      calls.map((call) => call.id),
      overrides,
    );
    setBusy(false);
    if (reply.ok) setResult(reply.data);
    else setMessage(reply.error.message);
  };

  return (
    <section className="replay-panel replay-set" aria-label="Replay the selected calls">
      <h2>
        Replay {calls.length} recorded call{calls.length === 1 ? '' : 's'} of {flow.flowName}
      </h2>
      <p className="muted">
        Empty fields keep the settings each call ran with. Each call is replayed on its recorded caller audio; the
        totals count every turn of the set.
      </p>
      <details className="replay-settings" open>
        <summary>Turn settings</summary>
        <TurnHandlingFields
          overrides={overrides}
          inherited={turnHandlingDefaults}
          scope="session"
          pathPrefix="replay-set"
          only={(meta) => replayable.test(meta.path)}
          onChange={(path, value) => setOverrides((current) => setPath(current, path, value))}
        />
      </details>
      <div className="replay-actions">
        <button type="button" onClick={run} disabled={busy}>
          {busy ? `Replaying ${calls.length} calls…` : 'Replay the set'}
        </button>
        <button type="button" className="secondary" onClick={onClear} disabled={busy}>
          Clear selection
        </button>
        {message && <span role="status">{message}</span>}
      </div>
      {result && (
        <>
          <h3>Across the set</h3>
          <ReplayTotalsTable totals={result.totals} label="Set totals" />
          <h3>Per call</h3>
          <table className="replay-turns" aria-label="Calls, replayed and recorded">
            <thead>
              <tr>
                <th>Call</th>
                <th>Turns (call / replay)</th>
                <th>Median response (call / replay)</th>
                <th>p90 response (call / replay)</th>
                <th>Cut-offs (call / replay)</th>
                <th>Missed interruptions</th>
              </tr>
            </thead>
            <tbody>
              {result.calls.map((row) => {
                const call = byId.get(row.callId);
                return (
                  <tr key={row.callId}>
                    <td>
                      <a href={`/calls/${row.callId}#recording`}>
                        {call ? formatWhen(call.startedAt ?? call.createdAt) : row.callId}
                      </a>
                    </td>
                    {'totals' in row ? (
                      <>
                        <td>
                          {row.totals.recorded.turns} / {row.totals.replay.turns}
                        </td>
                        <td>
                          {ms(row.totals.recorded.medianResponseDelay)} / {ms(row.totals.replay.medianResponseDelay)}
                        </td>
                        <td>
                          {ms(row.totals.recorded.p90ResponseDelay)} / {ms(row.totals.replay.p90ResponseDelay)}
                        </td>
                        <td>
                          {row.totals.recorded.cutOffs} / {row.totals.replay.cutOffs}
                        </td>
                        <td>{row.totals.replay.missedInterruptions}</td>
                      </>
                    ) : (
                      <td colSpan={5}>{'missing' in row ? 'no recording any more' : `not replayed: ${row.failed}`}</td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
