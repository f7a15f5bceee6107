'use client';

import { useEffect, useRef } from 'react';
import type { TranscriptLine } from './call-view';

/** Both sides of the conversation as it happens: interim lines in grey, final ones in black. */
export function Transcript({
  lines,
  agentName,
  emptyText,
  userLabel = 'You',
}: {
  lines: TranscriptLine[];
  agentName: (id: string | undefined) => string;
  emptyText: string;
  /** Who the user side is: "You" in the tester, the caller in a production call. */
  userLabel?: string;
}) {
  const end = useRef<HTMLLIElement>(null);
  const count = lines.length;
  const lastText = lines.at(-1)?.text;
  // Keep the newest line in view as lines arrive or grow.
  useEffect(() => {
    if (count > 0 || lastText) end.current?.scrollIntoView({ block: 'nearest' });
  }, [count, lastText]);

  if (lines.length === 0) return <p className="hint tester-empty">{emptyText}</p>;
  return (
    <ol className="transcript" aria-label="Transcript" aria-live="polite">
      {lines.map((line) => (
        <li
          key={line.key}
          className={`transcript-line ${line.role} ${line.final ? 'final' : 'interim'}`}
          data-testid={`transcript-${line.role}`}
        >
          <span className="who">
            {line.role === 'user' ? (line.typed ? `${userLabel} (typed)` : userLabel) : agentName(line.agentId)}
          </span>
          <span className="what">{line.text}</span>
          {line.interrupted && <span className="badge">interrupted</span>}
        </li>
      ))}
      <li ref={end} aria-hidden="true" className="transcript-end" />
    </ol>
  );
}
