'use client';

import type { TimelineEntry } from './call-view';

const seconds = (t: number) => `${(t / 1000).toFixed(1)} s`;

/** Tool calls with their arguments and results, handoffs, interruptions and errors, in order. */
export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  if (entries.length === 0) return <p className="hint tester-empty">No tool calls, handoffs or interruptions yet.</p>;
  return (
    <ol className="timeline" aria-label="Timeline">
      {entries.map((entry) => (
        <li key={entry.key} className={`timeline-entry ${entry.kind} ${entry.isError ? 'is-error' : ''}`}>
          <span className="when">{seconds(entry.t)}</span>
          <span className="title">{entry.title}</span>
          {entry.detail && <code className="detail">{entry.detail}</code>}
        </li>
      ))}
    </ol>
  );
}
