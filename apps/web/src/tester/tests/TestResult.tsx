'use client';

import type { ScenarioResult } from '@parley/engine';
import { withContentKeys } from '../../lists/content-keys';
import { formatExpectation } from '../scenarios/scenario-text';
import { TurnTiming } from './TurnTiming';
import { stepFailure, turnAgents } from './test-failures';
import { lineText } from './transcript-line';

/** The id of a turn's element, so a failure can point at it. */
export const turnElementId = (scenarioId: string, turn: number) => `test-${scenarioId}-turn-${turn}`;

/** One scenario run, turn by turn: verdicts, the turn-timing strip of spoken turns, the transcript. */
export function TestResult({
  result,
  entryAgentId,
  onShowAgent,
}: {
  result: ScenarioResult;
  entryAgentId: string;
  onShowAgent: (agentId: string) => void;
}) {
  const agents = turnAgents(result, entryAgentId);
  return (
    <ol className="test-turns" aria-label={`Turns of ${result.name}`}>
      {result.steps.map((step, i) => {
        const turn = i + 1;
        const failure = stepFailure(step);
        const agentId = agents[i] ?? entryAgentId;
        return (
          <li key={turn} id={turnElementId(result.id, turn)} tabIndex={-1} className={`test-turn ${step.status}`}>
            <div className="test-turn-head">
              <span className="hint">Turn {turn}</span> <strong>&gt; {step.user}</strong>{' '}
              <button type="button" className="link" onClick={() => onShowAgent(agentId)}>
                {agentId}
              </button>
            </div>
            {failure && <p className="form-error">{failure}</p>}
            {step.voice && <TurnTiming voice={step.voice} />}
            <ul className="expectations">
              {withContentKeys(step.expectations, (check) => formatExpectation(check.expectation)).map(
                ([key, check]) => (
                  <li key={key} className={`expectation ${check.status}`}>
                    <span className={`badge ${check.status}`}>{check.status}</span>{' '}
                    <code>{formatExpectation(check.expectation)}</code> — {check.reason}
                  </li>
                ),
              )}
              {step.voice?.checks.map((check) => (
                <li key={check.check} className={`expectation ${check.status}`}>
                  <span className={`badge ${check.status}`}>{check.status}</span>{' '}
                  <code>{check.check.replaceAll('_', ' ')}</code> — {check.reason}
                </li>
              ))}
            </ul>
            <details open={step.status === 'failed'}>
              <summary>Transcript</summary>
              <ul className="scenario-transcript">
                {withContentKeys(step.transcript, lineText).map(([key, line]) => (
                  <li key={key}>{lineText(line)}</li>
                ))}
              </ul>
            </details>
          </li>
        );
      })}
    </ol>
  );
}
