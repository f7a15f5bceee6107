'use client';

import type { ReplayResult, TurnHandling, TurnHandlingOverrides } from '@parley/engine';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { leaveTurnSettings } from '@/src/builder/handover/turn-settings-handover';
import { TurnHandlingFields } from '@/src/builder/settings/TurnHandlingFields';
import { setPath } from '@/src/builder/state/paths';
import { ms, ReplayTotalsTable } from './ReplayTotalsTable';
import { recordingsApi } from './recordings-api';
import { useFlowAgents } from './use-flow-agents';

/** The settings a replay re-runs: turn detection, endpointing, interruption and the VAD. */
const replayable = /^(turnDetection|endpointing\.|interruption\.|vad\.)/;

const at = (value: number | null | undefined) =>
  value === null || value === undefined ? '–' : `${(value / 1000).toFixed(2)} s`;

/**
 * The turn-taking lab: pick turn settings (the inspector's fields; empty keeps the call's own),
 * replay the recording on the runtime, compare each turn with what happened, and hand the
 * settings to the flow's builder, which writes them into the draft (session or one agent) as
 * one undo step.
 */
export function ReplayPanel({
  callId,
  flowId,
  settings,
  onSeek,
}: {
  callId: string;
  flowId: string;
  settings: TurnHandling;
  onSeek(ms: number): void;
}) {
  const [overrides, setOverrides] = useState<TurnHandlingOverrides>({});
  const [result, setResult] = useState<ReplayResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [level, setLevel] = useState('');
  const agents = useFlowAgents(flowId);
  const router = useRouter();

  const run = async () => {
    setBusy(true);
    setMessage(null);
    const reply = await recordingsApi.replay(callId, overrides);
    setBusy(false);
    if (reply.ok) setResult(reply.data);
    else setMessage(reply.error.message);
  };
  const apply = () => {
    leaveTurnSettings({ flowId, agentId: level || null, overrides: overrides as Record<string, unknown> });
    router.push(`/flows/${flowId}`);
  };

  const totals = result?.totals;
  return (
    <section className="replay-panel" aria-label="Replay with other settings">
      <h2>Replay with other turn settings</h2>
      <p className="muted">
        Empty fields keep the settings this call ran with. The engine re-runs VAD, turn detection and endpointing on the
        caller’s audio; the agent speaks when it did.
      </p>
      <details className="replay-settings" open>
        <summary>Turn settings</summary>
        <TurnHandlingFields
          overrides={overrides}
          inherited={settings}
          scope="session"
          pathPrefix="replay"
          only={(meta) => replayable.test(meta.path)}
          onChange={(path, value) => setOverrides((current) => setPath(current, path, value))}
        />
      </details>
      <div className="replay-actions">
        <button type="button" onClick={run} disabled={busy}>
          {busy ? 'Replaying…' : 'Replay'}
        </button>
        <label className="replay-level">
          Write into
          <select value={level} onChange={(e) => setLevel(e.target.value)}>
            <option value="">Session settings</option>
            {agents.map((agent) => (
              <option key={agent.id} value={agent.id}>
                Agent {agent.name}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="secondary"
          onClick={apply}
          disabled={!result || Object.keys(overrides).length === 0}
        >
          Use these settings
        </button>
        {message && <span role="status">{message}</span>}
      </div>
      {result && totals && (
        <>
          <ReplayTotalsTable totals={totals} label="Replay totals" />
          <table className="replay-turns" aria-label="Turns, replayed and recorded">
            <thead>
              <tr>
                <th>Speech end</th>
                <th>Decided (call)</th>
                <th>Decided (replay)</th>
                <th>Response (call)</th>
                <th>Response (replay)</th>
                <th>Cut-off</th>
              </tr>
            </thead>
            <tbody>
              {result.turns.map((row) => (
                <tr key={row.speechEndAt}>
                  <td>
                    <button type="button" className="link" onClick={() => onSeek(row.speechEndAt)}>
                      {at(row.speechEndAt)}
                    </button>
                  </td>
                  <td>{row.recorded ? `${at(row.recorded.decidedAt)} (+${row.recorded.delay} ms)` : 'no turn'}</td>
                  <td>{row.replay ? `${at(row.replay.decidedAt)} (+${row.replay.delay} ms)` : 'no turn'}</td>
                  <td>{ms(row.recorded?.responseDelay)}</td>
                  <td>{ms(row.replay?.responseDelay)}</td>
                  <td>
                    {[row.recorded?.cutOff && 'in the call', row.replay?.cutOff && 'replayed']
                      .filter(Boolean)
                      .join(', ') || 'none'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
