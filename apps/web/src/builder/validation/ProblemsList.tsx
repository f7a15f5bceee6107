'use client';

import type { ValidationIssue } from '@parley/engine/flow';
import { memo } from 'react';
import { withContentKeys } from '../../lists/content-keys';

/** Props of the problems list. */
export interface ProblemsListProps {
  issues: ValidationIssue[];
  onSelect: (issue: ValidationIssue) => void;
}

/** Every validation problem of the flow; choosing one takes you to its node, edge or field. */
export const ProblemsList = memo(function ProblemsList({ issues, onSelect }: ProblemsListProps) {
  const errors = issues.filter((i) => i.severity === 'error').length;
  const warnings = issues.length - errors;
  return (
    <section className="problems" aria-label="Problems">
      <h2>
        Problems{' '}
        <span className="problem-count" data-testid="problem-count">
          {errors} error{errors === 1 ? '' : 's'}, {warnings} warning{warnings === 1 ? '' : 's'}
        </span>
      </h2>
      {issues.length === 0 ? (
        <p className="hint">No problems: this flow can be published.</p>
      ) : (
        <ul className="problem-list">
          {withContentKeys(issues, (issue) => `${issue.code}:${issue.target.path}:${issue.message}`).map(
            ([key, issue]) => (
              <li key={key}>
                <button type="button" className={`problem ${issue.severity}`} onClick={() => onSelect(issue)}>
                  <span className="severity">{issue.severity}</span> {issue.message}
                </button>
              </li>
            ),
          )}
        </ul>
      )}
    </section>
  );
});
