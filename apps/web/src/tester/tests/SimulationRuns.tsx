'use client';

import type { SimulationResult } from '@parley/engine';
import { withContentKeys } from '../../lists/content-keys';
import { lineText } from './transcript-line';

/** A simulation's k runs: each run's verdicts (hard checks, judged criteria) and its transcript. */
export function SimulationRuns({ result }: { result: SimulationResult }) {
  return (
    <ol className="test-turns" aria-label={`Runs of ${result.name}`}>
      {result.runs.map((run) => (
        <li key={run.run} className={`test-turn ${run.status}`}>
          <div className="test-turn-head">
            <span className="hint">Run {run.run}</span> <span className={`badge ${run.status}`}>{run.status}</span>{' '}
            <span className="hint">
              {run.callerTurns} caller turn(s), ended by {run.endedBy.replace('_', ' ')}
            </span>
          </div>
          {run.error && <p className="form-error">{run.error}</p>}
          <ul className="expectations">
            {withContentKeys(run.checks, (c) => JSON.stringify(c.check)).map(([key, check]) => (
              <li key={key} className={`expectation ${check.status}`}>
                <span className={`badge ${check.status}`}>{check.status}</span> <code>{check.check.kind}</code> —{' '}
                {check.reason}
              </li>
            ))}
            {withContentKeys(run.criteria, (c) => c.criterion).map(([key, criterion]) => (
              <li key={key} className={`expectation ${criterion.status}`}>
                <span className={`badge ${criterion.status}`}>{criterion.status}</span> {criterion.criterion} —{' '}
                {criterion.reason}
              </li>
            ))}
          </ul>
          <details open={run.status !== 'passed'}>
            <summary>Transcript</summary>
            <ul className="scenario-transcript">
              {withContentKeys(run.transcript, lineText).map(([key, line]) => (
                <li key={key}>{lineText(line)}</li>
              ))}
            </ul>
          </details>
        </li>
      ))}
    </ol>
  );
}
