'use client';

import type { ScenarioResult } from '@parley/engine';
import type { FlowSpec } from '@parley/engine/flow';
import { useState } from 'react';
import { callsApi } from '@/src/api/calls-api';
import { ScenarioResults } from './ScenarioResults';
import { formatScenarios, parseScenarios } from './scenario-text';

type Run =
  | { kind: 'idle' }
  | { kind: 'running' }
  | { kind: 'error'; message: string }
  | { kind: 'done'; versionNumber: number; results: ScenarioResult[] };

/** Edit the flow's scenarios as text and run them against the draft on the runtime. */
export function ScenariosPanel({
  flowId,
  spec,
  edit,
  flush,
  onResults,
}: {
  flowId: string;
  spec: FlowSpec;
  edit: (update: (spec: FlowSpec) => FlowSpec) => void;
  flush: () => Promise<boolean>;
  /** The results of the latest run (publish warns when one failed). */
  onResults: (results: ScenarioResult[]) => void;
}) {
  const saved = formatScenarios(spec.scenarios);
  const [text, setText] = useState(saved);
  const [run, setRun] = useState<Run>({ kind: 'idle' });
  const parsed = parseScenarios(text);
  const changed = text !== saved;

  /** Puts the text's scenarios into the draft; false when the text has errors. */
  const apply = (): boolean => {
    if (!parsed.ok) return false;
    if (changed) edit((s) => ({ ...s, scenarios: parsed.scenarios }));
    return true;
  };

  const runAll = async () => {
    if (!apply()) return;
    setRun({ kind: 'running' });
    // The edit above reaches the autosave on the next render; wait a frame so flush() includes it.
    await new Promise((resolve) => requestAnimationFrame(resolve));
    if (!(await flush())) {
      setRun({ kind: 'error', message: 'The draft could not be saved, so the scenarios were not run.' });
      return;
    }
    const result = await callsApi.runScenarios(flowId);
    if (!result.ok) return setRun({ kind: 'error', message: result.error.message });
    setRun({ kind: 'done', ...result.data });
    onResults(result.data.results);
  };

  const failed = run.kind === 'done' ? run.results.filter((r) => r.status !== 'passed').length : 0;
  return (
    <div className="scenarios-panel">
      <label htmlFor="scenario-text">Scenarios</label>
      <p className="hint" id="scenario-help">
        <code>## name</code> starts a scenario, <code>&gt; text</code> is what the caller says, then one expectation per
        line: <code>says: intent /pattern/</code>, <code>tool: name {'{"arg": 1}'}</code>, <code>handoff: agent</code>,{' '}
        <code>ends</code>.
      </p>
      <textarea
        id="scenario-text"
        aria-describedby="scenario-help"
        rows={14}
        spellCheck={false}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      {!parsed.ok && (
        <ul className="form-error" aria-label="Scenario text problems">
          {parsed.errors.map((error) => (
            <li key={`${error.line}-${error.message}`}>
              {error.line > 0 ? `Line ${error.line}: ` : ''}
              {error.message}
            </li>
          ))}
        </ul>
      )}
      <div className="row-actions">
        <button type="button" disabled={!parsed.ok || !changed} onClick={apply}>
          Save scenarios
        </button>
        <button type="button" disabled={!changed} onClick={() => setText(saved)}>
          Revert
        </button>
        <button
          type="button"
          className="primary"
          disabled={!parsed.ok || run.kind === 'running'}
          onClick={() => void runAll()}
        >
          {run.kind === 'running' ? 'Running…' : 'Run scenarios'}
        </button>
      </div>
      {run.kind === 'error' && (
        <div className="tester-problem" role="alert">
          <strong>The scenarios could not run</strong>
          <p>{run.message}</p>
        </div>
      )}
      {run.kind === 'done' && (
        <>
          <p role="status" className={failed > 0 ? 'form-error' : 'hint'}>
            {failed > 0
              ? `${failed} of ${run.results.length} scenarios did not pass (draft as version ${run.versionNumber}).`
              : `All ${run.results.length} scenarios passed (draft as version ${run.versionNumber}).`}
          </p>
          <ScenarioResults results={run.results} />
        </>
      )}
    </div>
  );
}
