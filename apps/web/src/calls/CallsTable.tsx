'use client';

import type { CallListItem } from '@/src/api/types';
import { formatDuration, formatWhen, sourceLabels } from './format';

/** Picking recorded calls for a set replay: which are picked, which may be, and the toggle. */
export interface CallPicking {
  picked: ReadonlySet<string>;
  /** Why a call cannot join the set (no recording, another flow), or null when it can. */
  blocked: (call: CallListItem) => string | null;
  toggle: (call: CallListItem) => void;
}

/** One row per call: when, flow and version, source, caller, status, duration, room; the time opens the call. */
export function CallsTable({ calls, picking }: { calls: CallListItem[]; picking?: CallPicking }) {
  return (
    <table className="calls-table">
      <thead>
        <tr>
          {picking && (
            <th scope="col" className="pick">
              Replay
            </th>
          )}
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
            {picking && <PickCell call={call} picking={picking} />}
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

/** The row's tick for the set replay, disabled (with the reason as its title) when it cannot join. */
function PickCell({ call, picking }: { call: CallListItem; picking: CallPicking }) {
  const picked = picking.picked.has(call.id);
  const blocked = picked ? null : picking.blocked(call);
  return (
    <td className="pick" title={blocked ?? undefined}>
      <input
        type="checkbox"
        aria-label={`Replay the call of ${formatWhen(call.startedAt ?? call.createdAt)}`}
        checked={picked}
        disabled={blocked !== null}
        onChange={() => picking.toggle(call)}
      />
    </td>
  );
}
