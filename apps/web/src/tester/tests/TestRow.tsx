'use client';

import type { ReactNode } from 'react';

/** One test in the list: its status, kind, name (opens the result) and a Run button; the result below. */
export function TestRow(props: {
  id: string;
  name: string;
  kind: string;
  status: string;
  detail: string;
  expanded: boolean;
  canExpand: boolean;
  disabled: boolean;
  onToggle: () => void;
  onRun: () => void;
  children?: ReactNode;
}) {
  const statusClass = props.status.replace(' ', '-');
  return (
    <li className={`test-row ${statusClass}`} data-testid={`test-${props.id}`}>
      <div className="test-row-head">
        <span className={`badge ${statusClass}`}>{props.status}</span>
        <span className="badge mode">{props.kind}</span>
        <span className="hint test-detail">{props.detail}</span>
        <button type="button" disabled={props.disabled} onClick={props.onRun}>
          Run
        </button>
      </div>
      <button
        type="button"
        className="link test-name"
        aria-expanded={props.expanded}
        disabled={!props.canExpand}
        onClick={props.onToggle}
      >
        {props.name}
      </button>
      {props.children}
    </li>
  );
}
