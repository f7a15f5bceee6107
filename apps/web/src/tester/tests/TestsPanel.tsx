'use client';

import type { ScenarioResult, SimulationResult } from '@parley/engine';
import type { FlowSpec } from '@parley/engine/flow';
import { useEffect, useState } from 'react';
import { streamScenarioRun } from '@/src/api/scenario-run-stream';
import type { CallHighlight } from '../../highlight/call-highlight';
import { PublishPolicy } from './PublishPolicy';
import { SimulationRuns } from './SimulationRuns';
import { TestResult, turnElementId } from './TestResult';
import { TestRow } from './TestRow';
import { firstFailure } from './test-failures';

/** A run in progress: its tests in the order they run, and those that have ended so far. */
type Running = { ids: string[]; ended: string[]; startedAt: number } | null;

/**
 * The flow's scenarios and simulations as tests: run all or one against the draft on the
 * runtime, see each run's verdicts, turn timing and transcript; a failure names its turn and,
 * when followed, opens that turn and marks the agent that answered it on the canvas.
 */
export function TestsPanel({
  flowId,
  spec,
  edit,
  flush,
  onHighlight,
  onResults,
}: {
  flowId: string;
  spec: FlowSpec;
  edit: (update: (spec: FlowSpec) => FlowSpec) => void;
  flush: () => Promise<boolean>;
  onHighlight: (highlight: CallHighlight | null) => void;
  onResults: (results: ScenarioResult[]) => void;
}) {
  const [scenarios, setScenarios] = useState<Record<string, ScenarioResult>>({});
  const [simulations, setSimulations] = useState<Record<string, SimulationResult>>({});
  const [running, setRunning] = useState<Running>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [now, setNow] = useState(() => Date.now());

  // A ticking clock only while something runs: the elapsed time shows beside the tests done.
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [running]);

  const scenarioIds = spec.scenarios.map((s) => s.id);
  const simulationIds = (spec.simulations ?? []).map((s) => s.id);
  const total = scenarioIds.length + simulationIds.length;

  const run = async (ids: { scenarioIds: string[]; simulationIds: string[] }) => {
    setProblem(null);
    setRunning({ ids: [...ids.scenarioIds, ...ids.simulationIds], ended: [], startedAt: Date.now() });
    setNow(Date.now());
    try {
      if (!(await flush())) return setProblem('The draft could not be saved, so the tests did not run.');
      // Each test's verdict shows as it ends; the runtime runs them in order, so the next is running.
      const answer = await streamScenarioRun(flowId, ids, (line) => {
        if (line.type === 'result') setScenarios((all) => ({ ...all, [line.result.id]: line.result }));
        else if (line.type === 'simulation') setSimulations((all) => ({ ...all, [line.result.id]: line.result }));
        else return;
        setRunning((now) => now && { ...now, ended: [...now.ended, line.result.id] });
      });
      if (!answer.ok) return setProblem(answer.error.message);
      const nextScenarios = { ...scenarios };
      for (const result of answer.data.results) nextScenarios[result.id] = result;
      const nextSimulations = { ...simulations };
      for (const result of answer.data.simulations) nextSimulations[result.id] = result;
      setScenarios(nextScenarios);
      setSimulations(nextSimulations);
      onResults(Object.values(nextScenarios));
      const failed = [...answer.data.results, ...answer.data.simulations].find((r) => r.status !== 'passed');
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

  const statuses = [
    ...scenarioIds.map((id) => scenarios[id]?.status),
    ...simulationIds.map((id) => simulations[id]?.status),
  ].filter((s) => s !== undefined);
  const failed = statuses.filter((s) => s !== 'passed').length;
  const current = running?.ids.find((id) => !running.ended.includes(id));
  const statusOf = (id: string, result: { status: string } | undefined) => {
    if (!running?.ids.includes(id) || running.ended.includes(id)) return result?.status ?? 'not run';
    return id === current ? 'running' : 'queued';
  };
  const toggle = (id: string) => setOpen(open === id ? null : id);
  return (
    <div className="tests-panel">
      <div className="tests-head">
        <button
          type="button"
          className="primary"
          disabled={running !== null || total === 0}
          onClick={() => void run({ scenarioIds, simulationIds })}
        >
          Run all tests
        </button>
        <p role="status" className={failed > 0 ? 'form-error' : 'hint'}>
          {running
            ? `Running ${running.ids.length} test(s): ${running.ended.length} done… ${Math.round((now - running.startedAt) / 1000)} s`
            : statuses.length === 0
              ? `${total} test(s); none run yet.`
              : failed > 0
                ? `${failed} of ${statuses.length} test(s) failed.`
                : `All ${statuses.length} test(s) passed.`}
        </p>
      </div>
      <PublishPolicy spec={spec} edit={edit} />
      {running && (
        <progress
          className="tests-progress"
          aria-label="Tests running"
          max={running.ids.length}
          value={running.ended.length}
        />
      )}
      {problem && (
        <div className="tester-problem" role="alert">
          <strong>The tests could not run</strong>
          <p>{problem}</p>
        </div>
      )}
      {total === 0 && (
        <p className="hint tester-empty">This flow has no scenarios yet: add them in the Scenarios tab.</p>
      )}
      <ul className="test-list" aria-label="Tests">
        {spec.scenarios.map((scenario) => {
          const result = scenarios[scenario.id];
          const failure = result ? firstFailure(result, spec.entryAgentId) : null;
          return (
            <TestRow
              key={scenario.id}
              id={scenario.id}
              name={scenario.name}
              kind={scenario.mode === 'voice' ? 'voice' : 'text'}
              status={statusOf(scenario.id, result)}
              detail={`${scenario.turns.length} turn(s)${result ? ` · ${(result.durationMs / 1000).toFixed(1)} s` : ''}`}
              expanded={open === scenario.id}
              canExpand={result !== undefined}
              disabled={running !== null}
              onToggle={() => toggle(scenario.id)}
              onRun={() => void run({ scenarioIds: [scenario.id], simulationIds: [] })}
            >
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
            </TestRow>
          );
        })}
        {(spec.simulations ?? []).map((simulation) => {
          const result = simulations[simulation.id];
          return (
            <TestRow
              key={simulation.id}
              id={simulation.id}
              name={simulation.name}
              kind={`simulation${simulation.mode === 'voice' ? ', voice' : ''}`}
              status={statusOf(simulation.id, result)}
              detail={
                result
                  ? `${result.passed}/${result.k} runs passed · ${result.caller} caller · ${(result.durationMs / 1000).toFixed(1)} s`
                  : `${simulation.k} run(s), up to ${simulation.maxTurns} turns`
              }
              expanded={open === simulation.id}
              canExpand={result !== undefined}
              disabled={running !== null}
              onToggle={() => toggle(simulation.id)}
              onRun={() => void run({ scenarioIds: [], simulationIds: [simulation.id] })}
            >
              {result?.error && <p className="form-error">{result.error}</p>}
              {result && open === simulation.id && <SimulationRuns result={result} />}
            </TestRow>
          );
        })}
      </ul>
    </div>
  );
}
