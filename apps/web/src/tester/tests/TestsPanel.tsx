'use client';

import type { ScenarioResult } from '@parley/engine';
import type { FlowSpec } from '@parley/engine/flow';
import { useEffect, useState } from 'react';
import { callsApi } from '@/src/api/calls-api';
import type { CallHighlight } from '../../highlight/call-highlight';
import { TestResult, turnElementId } from './TestResult';
import { firstFailure } from './test-failures';

type Running = { ids: string[]; startedAt: number } | null;

/**
 * The flow's scenarios as tests: run all or one against the draft on the runtime, see each
 * run's verdicts, turn timing and transcript; a failure names its turn and, when followed,
 * opens that turn and marks the agent that answered it on the canvas.
 */
export function TestsPanel({
  flowId,
  spec,
  flush,
  onHighlight,
  onResults,
}: {
  flowId: string;
  spec: FlowSpec;
  flush: () => Promise<boolean>;
  onHighlight: (highlight: CallHighlight | null) => void;
  onResults: (results: ScenarioResult[]) => void;
}) {
  const [results, setResults] = useState<Record<string, ScenarioResult>>({});
  const [running, setRunning] = useState<Running>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [now, setNow] = useState(() => Date.now());

  // A ticking clock only while something runs: the elapsed time is the progress a run shows.
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [running]);

  const run = async (ids: string[]) => {
    setProblem(null);
    setRunning({ ids, startedAt: Date.now() });
    setNow(Date.now());
    try {
      if (!(await flush())) return setProblem('The draft could not be saved, so the tests did not run.');
      const answer = await callsApi.runScenarios(
        flowId,
        ids.length === spec.scenarios.length ? {} : { scenarioIds: ids },
      );
      if (!answer.ok) return setProblem(answer.error.message);
      const next = { ...results };
      for (const result of answer.data.results) next[result.id] = result;
      setResults(next);
      onResults(Object.values(next));
      const failed = answer.data.results.find((r) => r.status !== 'passed');
      if (failed) setOpen(failed.id);
    } finally {
      setRunning(null);
    }
  };

  const showTurn = (scenarioId: string, turn: number, agentId: string) => {
    setOpen(scenarioId);
    onHighlight({ activeAgentId: agentId, edgeIds: [] });
    requestAnimationFrame(() => {
      const element = document.getElementById(turnElementId(scenarioId, turn));
      element?.scrollIntoView({ block: 'center' });
      element?.focus();
    });
  };

  const ran = spec.scenarios.filter((s) => results[s.id]);
  const failed = ran.filter((s) => results[s.id]?.status !== 'passed').length;
  const all = spec.scenarios.map((s) => s.id);
  return (
    <div className="tests-panel">
      <div className="tests-head">
        <button
          type="button"
          className="primary"
          disabled={running !== null || all.length === 0}
          onClick={() => void run(all)}
        >
          Run all tests
        </button>
        <p role="status" className={failed > 0 ? 'form-error' : 'hint'}>
          {running
            ? `Running ${running.ids.length} test(s)… ${Math.round((now - running.startedAt) / 1000)} s`
            : ran.length === 0
              ? `${all.length} test(s); none run yet.`
              : failed > 0
                ? `${failed} of ${ran.length} test(s) failed.`
                : `All ${ran.length} test(s) passed.`}
        </p>
      </div>
      {running && <progress className="tests-progress" aria-label="Tests running" />}
      {problem && (
        <div className="tester-problem" role="alert">
          <strong>The tests could not run</strong>
          <p>{problem}</p>
        </div>
      )}
      {all.length === 0 && (
        <p className="hint tester-empty">This flow has no scenarios yet: add them in the Scenarios tab.</p>
      )}
      <ul className="test-list" aria-label="Tests">
        {spec.scenarios.map((scenario) => {
          const result = results[scenario.id];
          const status = running?.ids.includes(scenario.id) ? 'running' : (result?.status ?? 'not run');
          const failure = result ? firstFailure(result, spec.entryAgentId) : null;
          return (
            <li
              key={scenario.id}
              className={`test-row ${status.replace(' ', '-')}`}
              data-testid={`test-${scenario.id}`}
            >
              <div className="test-row-head">
                <span className={`badge ${status.replace(' ', '-')}`}>{status}</span>{' '}
                <span className="badge mode">{scenario.mode === 'voice' ? 'voice' : 'text'}</span>{' '}
                <button
                  type="button"
                  className="link test-name"
                  aria-expanded={open === scenario.id}
                  disabled={!result}
                  onClick={() => setOpen(open === scenario.id ? null : scenario.id)}
                >
                  {scenario.name}
                </button>
                <span className="hint">
                  {scenario.turns.length} turn(s){result ? ` · ${(result.durationMs / 1000).toFixed(1)} s` : ''}
                </span>
                <button type="button" disabled={running !== null} onClick={() => void run([scenario.id])}>
                  Run
                </button>
              </div>
              {result?.error && <p className="form-error">{result.error}</p>}
              {failure && (
                <button
                  type="button"
                  className="link test-failure"
                  onClick={() => showTurn(scenario.id, failure.turn, failure.agentId)}
                >
                  Failed at turn {failure.turn} ({failure.agentId}): {failure.reason}
                </button>
              )}
              {result && open === scenario.id && (
                <TestResult
                  result={result}
                  entryAgentId={spec.entryAgentId}
                  onShowAgent={(agentId) => onHighlight({ activeAgentId: agentId, edgeIds: [] })}
                />
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
