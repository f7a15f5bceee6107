'use client';

import { validate } from '@parley/engine/flow';
import { ReactFlowProvider } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import '../builder.css';
import { useEffect, useMemo, useState } from 'react';
import { flowsApi } from '@/src/api/flows-api';
import type { VersionDetail } from '@/src/api/types';
import { FlowCanvas } from '../canvas/FlowCanvas';
import { emptySelection, type Selection } from '../state/selection';
import { indexIssues } from '../validation/issue-index';

/** A stored version drawn on a read-only canvas, with the selected agent's prompt beside it. */
export function VersionViewer({ flowId, number }: { flowId: string; number: number }) {
  const [version, setVersion] = useState<VersionDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selection, setSelection] = useState<Selection>(emptySelection);

  useEffect(() => {
    void flowsApi.version(flowId, number).then((result) => {
      if (result.ok) setVersion(result.data.version);
      else setError(result.error.message);
    });
  }, [flowId, number]);

  const issues = useMemo(() => (version ? indexIssues(version.spec, validate(version.spec).issues) : null), [version]);
  if (error)
    return (
      <p className="page-state" role="alert">
        {error}
      </p>
    );
  if (!version || !issues) return <p className="page-state">Loading version…</p>;
  const agent = version.spec.agents.find((a) => selection.agents.has(a.id));
  return (
    <div className="builder">
      <header className="builder-bar">
        <a href={`/flows/${encodeURIComponent(flowId)}`}>← Back to the builder</a>
        <h1>
          {version.spec.name}: version {version.number} {version.live && <span className="badge live">Live</span>}
        </h1>
        <span className="badge">Read only</span>
      </header>
      <div className="builder-main">
        <div className="canvas-column">
          <div className="canvas-wrap">
            <ReactFlowProvider>
              <FlowCanvas spec={version.spec} issues={issues} selection={selection} setSelection={setSelection} />
            </ReactFlowProvider>
          </div>
        </div>
        <aside className="side-panel" aria-label="Version details">
          <div className="side-panel-body">
            <p>{version.note || 'No note.'}</p>
            {agent ? (
              <>
                <h2>{agent.name}</h2>
                <pre className="readonly-text">{agent.instructions}</pre>
              </>
            ) : (
              <p className="hint">Select an agent to read its instructions.</p>
            )}
          </div>
        </aside>
      </div>
    </div>
  );
}
