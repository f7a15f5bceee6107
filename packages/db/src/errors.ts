import type { ValidationIssue } from '@parley/engine/flow';

/** A flow, version or call that does not exist. */
export class NotFoundError extends Error {
  constructor(what: string) {
    super(`${what} not found`);
    this.name = 'NotFoundError';
  }
}

/** A draft change based on a revision that is no longer the current one. */
export class RevisionConflictError extends Error {
  readonly currentRevision: number;

  constructor(flowId: string, baseRevision: number, currentRevision: number) {
    super(
      `Flow ${flowId} is at revision ${currentRevision}, not ${baseRevision}: it was saved in between; reload and retry`,
    );
    this.name = 'RevisionConflictError';
    this.currentRevision = currentRevision;
  }
}

/** A FlowSpec that cannot be stored or published as it is; `issues` says what and where. */
export class InvalidFlowError extends Error {
  readonly issues: ValidationIssue[];

  constructor(context: string, issues: ValidationIssue[]) {
    const errors = issues.filter((issue) => issue.severity === 'error');
    const first = errors[0] ?? issues[0];
    const detail = first ? `: ${first.message}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}` : '';
    super(`${context}${detail}`);
    this.name = 'InvalidFlowError';
    this.issues = issues;
  }
}

/** A workspace already has as many calls going as it may; no call was created. */
export class CallCapReachedError extends Error {
  constructor(readonly max: number) {
    super(`the workspace already has ${max} calls going`);
    this.name = 'CallCapReachedError';
  }
}
