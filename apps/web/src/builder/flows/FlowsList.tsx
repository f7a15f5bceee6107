'use client';

import { useCallback, useEffect, useState } from 'react';
import '../builder.css';
import { flowsApi } from '@/src/api/flows-api';
import type { FlowSummary } from '@/src/api/types';
import { FlowRow } from './FlowRow';
import { ImportFlow } from './ImportFlow';
import { NewFlowForm } from './NewFlowForm';

type Load = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; flows: FlowSummary[] };

/** The home screen: every flow, newest edit first, with ways to create and import flows. */
export function FlowsList() {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [actionError, setActionError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    const result = await flowsApi.list();
    if (result.ok) {
      const flows = [...result.data.flows].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
      setLoad({ kind: 'ready', flows });
    } else setLoad({ kind: 'error', message: result.error.message });
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  return (
    <div className="flows-page">
      <h1>Flows</h1>
      <div className="flows-create">
        <NewFlowForm />
        <ImportFlow />
      </div>
      {actionError && (
        <p className="form-error" role="alert">
          {actionError}
        </p>
      )}
      {load.kind === 'loading' && <p className="page-state">Loading flows…</p>}
      {load.kind === 'error' && (
        <div className="page-state" role="alert">
          <p>Could not load the flows: {load.message}</p>
          <button type="button" onClick={() => void refresh()}>
            Retry
          </button>
        </div>
      )}
      {load.kind === 'ready' && load.flows.length === 0 && (
        <div className="empty">
          <h2>No flows yet</h2>
          <p>A flow is a voice agent drawn as a graph of agents and handoffs. Create one above, or import a file.</p>
        </div>
      )}
      {load.kind === 'ready' && load.flows.length > 0 && (
        <ul className="flow-list" aria-label="Flows">
          {load.flows.map((flow) => (
            <FlowRow
              key={`${flow.id}-${flow.updatedAt}`}
              flow={flow}
              onChanged={() => {
                setActionError(null);
                void refresh();
              }}
              onError={setActionError}
            />
          ))}
        </ul>
      )}
    </div>
  );
}
