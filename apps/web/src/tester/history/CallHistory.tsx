'use client';

import { useCallback, useEffect, useState } from 'react';
import { callsApi } from '@/src/api/calls-api';
import type { CallSummary } from '@/src/api/types';

const duration = (ms: number | null) => (ms === null ? '—' : `${(ms / 1000).toFixed(1)} s`);

/** The flow's calls (status, duration, version), newest first; choosing one replays it. */
export function CallHistory({
  flowId,
  refreshKey,
  onReplay,
}: {
  flowId: string;
  /** Changes when a call ended, so the list reloads. */
  refreshKey: unknown;
  onReplay: (callId: string) => void;
}) {
  const [calls, setCalls] = useState<CallSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    const result = await callsApi.listCalls(flowId);
    if (result.ok) {
      setCalls(result.data.calls);
      setError(null);
    } else setError(result.error.message);
  }, [flowId]);

  // refreshKey is in the list on purpose: a call that ended is a reason to reload.
  useEffect(() => {
    void load();
  }, [load, refreshKey]);

  if (error) {
    return (
      <div className="tester-problem" role="alert">
        <strong>Could not load the call history</strong>
        <p>{error}</p>
        <button type="button" onClick={() => void load()}>
          Retry
        </button>
      </div>
    );
  }
  if (calls === null) return <p className="hint">Loading calls…</p>;
  if (calls.length === 0) return <p className="hint tester-empty">No calls yet. Start one in the Call tab.</p>;
  return (
    <div className="call-history">
      <button type="button" onClick={() => void load()}>
        Refresh
      </button>
      <table className="call-table">
        <thead>
          <tr>
            <th>When</th>
            <th>Version</th>
            <th>Status</th>
            <th>Duration</th>
            <th>
              <span className="sr-only">Replay</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {calls.map((call) => (
            <tr key={call.id} data-testid="call-row" className={`status-${call.status}`}>
              <td>{new Date(call.createdAt).toLocaleTimeString('en')}</td>
              <td>v{call.versionNumber}</td>
              <td title={call.failureReason ?? undefined}>{call.status}</td>
              <td>{duration(call.durationMs)}</td>
              <td>
                <button type="button" onClick={() => onReplay(call.id)}>
                  Replay
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
