'use client';

import { ReactFlowProvider } from '@xyflow/react';
import { useCallback, useEffect, useState } from 'react';
import { flowsApi } from '@/src/api/flows-api';
import type { FlowRecord, FlowWithIssues } from '@/src/api/types';
import { Builder } from './Builder';

type Load =
  | { kind: 'loading' }
  | { kind: 'error'; message: string; notFound: boolean }
  | { kind: 'ready'; flow: FlowRecord; generation: number };

/** Loads a flow through the API and shows the builder; reloading starts a fresh builder on the server's draft. */
export function BuilderPage({ flowId }: { flowId: string }) {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });

  const show = useCallback((data: FlowWithIssues) => {
    setLoad((current) => ({
      kind: 'ready',
      flow: data.flow,
      generation: current.kind === 'ready' ? current.generation + 1 : 0,
    }));
  }, []);

  const fetchFlow = useCallback(async () => {
    const result = await flowsApi.get(flowId);
    if (result.ok) show(result.data);
    else setLoad({ kind: 'error', message: result.error.message, notFound: result.status === 404 });
  }, [flowId, show]);

  useEffect(() => {
    void fetchFlow();
  }, [fetchFlow]);

  if (load.kind === 'loading') return <p className="page-state">Loading flow…</p>;
  if (load.kind === 'error') {
    return (
      <div className="page-state" role="alert">
        <h1>{load.notFound ? 'Flow not found' : 'Could not load the flow'}</h1>
        <p>{load.message}</p>
        <a href="/">Back to flows</a>{' '}
        {!load.notFound && (
          <button type="button" onClick={() => void fetchFlow()}>
            Retry
          </button>
        )}
      </div>
    );
  }
  return (
    <ReactFlowProvider key={load.generation}>
      <Builder flow={load.flow} onReload={() => void fetchFlow()} onReplaced={show} />
    </ReactFlowProvider>
  );
}
