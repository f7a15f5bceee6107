'use client';

import type { CallListItem } from '@/src/api/types';
import { formatDuration, formatWhen, sourceLabels } from './format';

/** One row per call: when, flow and version, source, caller, status, duration, room; the time opens the call. */
export function CallsTable({ calls }: { calls: CallListItem[] }) {
  return (
    <table className="calls-table">
      <thead>
        <tr>
          <th scope="col">Started</th>
          <th scope="col">Flow</th>
          <th scope="col">Source</th>
          <th scope="col">Caller</th>
          <th scope="col">Status</th>
          <th scope="col" className="numeric">
            Duration
          </th>
          <th scope="col">Room</th>
        </tr>
      </thead>
      <tbody>
        {calls.map((call) => (
          <tr key={call.id} data-testid="calls-row">
            <td>
              <a href={`/calls/${call.id}`}>{formatWhen(call.startedAt ?? call.createdAt)}</a>
            </td>
            <td>
              {call.flowName} <span className="muted">v{call.versionNumber}</span>
            </td>
            <td>{sourceLabels[call.source] ?? call.source}</td>
            <td className="ellipsis" title={call.callerIdentity ?? undefined}>
              {call.callerIdentity ?? <span className="muted">—</span>}
            </td>
            <td>
              <span className={`call-status status-${call.status}`} title={call.failureReason ?? undefined}>
                {call.status}
              </span>
            </td>
            <td className="numeric">{formatDuration(call.durationMs)}</td>
            <td className="ellipsis" title={call.room ?? undefined}>
              {call.room ?? <span className="muted">—</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
