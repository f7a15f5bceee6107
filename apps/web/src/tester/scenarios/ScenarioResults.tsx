'use client';

import type { ScenarioResult } from '@parley/engine';
import { withContentKeys } from '../../lists/content-keys';
import { lineText } from '../tests/transcript-line';
import { formatExpectation } from './scenario-text';

/** Each scenario's outcome, step by step: every expectation with its reason, and what was said. */
export function ScenarioResults({ results }: { results: ScenarioResult[] }) {
  if (results.length === 0) return <p className="hint tester-empty">This flow has no scenarios to run.</p>;
  return (
    <ol className="scenario-results" aria-label="Scenario results">
      {results.map((result) => (
        <li key={result.id} className={`scenario-result ${result.status}`} data-testid={`scenario-${result.id}`}>
          <div className="scenario-head">
            <span className={`badge ${result.status}`}>{result.status}</span> <strong>{result.name}</strong>{' '}
            <span className="hint">{result.durationMs} ms</span>
          </div>
          {result.error && <p className="form-error">{result.error}</p>}
          <ol className="scenario-steps">
            {withContentKeys(result.steps, (step) => step.user).map(([stepKey, step]) => (
              <li key={stepKey} className={`scenario-step ${step.status}`}>
                <div>
                  <strong>&gt; {step.user}</strong>
                </div>
                <ul className="expectations">
                  {withContentKeys(step.expectations, (check) => formatExpectation(check.expectation)).map(
                    ([checkKey, check]) => (
                      <li key={checkKey} className={`expectation ${check.status}`}>
                        <span className={`badge ${check.status}`}>{check.status}</span>{' '}
                        <code>{formatExpectation(check.expectation)}</code>
                        {' — '}
                        {check.reason}
                      </li>
                    ),
                  )}
                </ul>
                <details>
                  <summary>Transcript</summary>
                  <ul className="scenario-transcript">
                    {withContentKeys(step.transcript, lineText).map(([lineKey, line]) => (
                      <li key={lineKey}>{lineText(line)}</li>
                    ))}
                  </ul>
                </details>
              </li>
            ))}
          </ol>
        </li>
      ))}
    </ol>
  );
}
