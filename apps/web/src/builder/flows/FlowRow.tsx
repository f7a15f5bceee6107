'use client';

import { type FormEvent, useState } from 'react';
import { flowsApi } from '@/src/api/flows-api';
import type { FlowSummary } from '@/src/api/types';
import { relativeTime } from './relative-time';

/** Props of one flow row. */
export interface FlowRowProps {
  flow: FlowSummary;
  /** Reloads the list after a change. */
  onChanged: () => void;
  onError: (message: string) => void;
}

/** One flow: its name, when it was edited, its live version, and rename / duplicate / export / delete. */
export function FlowRow({ flow, onChanged, onError }: FlowRowProps) {
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(flow.name);
  const href = `/flows/${encodeURIComponent(flow.id)}`;

  // Renaming edits the draft's name through the same revision-checked save the builder uses.
  const rename = async (event: FormEvent) => {
    event.preventDefault();
    const current = await flowsApi.get(flow.id);
    if (!current.ok) return onError(current.error.message);
    const { draft, revision } = current.data.flow;
    const saved = await flowsApi.save(flow.id, { spec: { ...draft, name: name.trim() || draft.name }, revision });
    if (!saved.ok) return onError(saved.error.message);
    setRenaming(false);
    onChanged();
  };

  const duplicate = async () => {
    const result = await flowsApi.duplicate(flow.id);
    if (result.ok) onChanged();
    else onError(result.error.message);
  };

  const remove = async () => {
    if (!window.confirm(`Delete "${flow.name}" and all its versions? This cannot be undone.`)) return;
    const result = await flowsApi.remove(flow.id);
    if (result.ok) onChanged();
    else onError(result.error.message);
  };

  return (
    <li className="flow-row" data-testid="flow-row">
      {renaming ? (
        <form className="inline-form" onSubmit={(e) => void rename(e)}>
          <label htmlFor={`rename-${flow.id}`}>New name</label>
          <input id={`rename-${flow.id}`} value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
          <button type="submit">Save name</button>
          <button type="button" onClick={() => setRenaming(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <div>
          <a className="flow-name" href={href}>
            {flow.name}
          </a>
          <div className="flow-meta">
            Edited <time dateTime={flow.updatedAt}>{relativeTime(flow.updatedAt)}</time>
            {flow.description ? ` · ${flow.description}` : ''}
          </div>
        </div>
      )}
      <div className="row-actions">
        {flow.liveVersion ? (
          <span className="badge live">Live v{flow.liveVersion.number}</span>
        ) : (
          <span className="badge">Not published</span>
        )}
        <button type="button" onClick={() => setRenaming(true)} aria-label={`Rename ${flow.name}`}>
          Rename
        </button>
        <button type="button" onClick={() => void duplicate()} aria-label={`Duplicate ${flow.name}`}>
          Duplicate
        </button>
        <a href={flowsApi.exportUrl(flow.id)} download aria-label={`Export ${flow.name}`}>
          Export
        </a>
        <button type="button" className="danger-link" onClick={() => void remove()} aria-label={`Delete ${flow.name}`}>
          Delete
        </button>
      </div>
    </li>
  );
}
