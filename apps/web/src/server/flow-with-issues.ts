import type { FlowRecord } from '@parley/db';
import { type ValidationIssue, validate } from '@parley/engine/flow';

/** How the API returns a flow: its record plus what validate() says about its draft, for the canvas. */
export function flowWithIssues(flow: FlowRecord): { flow: FlowRecord; issues: ValidationIssue[] } {
  return { flow, issues: validate(flow.draft).issues };
}
