import { type FlowSpec, type ValidationIssue, validate } from '@parley/engine/flow';
import { ApiError } from './api-error';

/**
 * Accepts any structurally sound FlowSpec, even one validate() finds errors in, because drafts
 * hold work in progress; the issues travel back to the builder. Anything else is 422.
 */
export function parseFlowSpec(input: unknown): { spec: FlowSpec; issues: ValidationIssue[] } {
  const result = validate(input);
  if (!result.spec) {
    throw new ApiError(422, 'invalid_flow_spec', 'The document is not a FlowSpec; see issues for each problem.', {
      issues: result.issues,
    });
  }
  return { spec: result.spec, issues: result.issues };
}
