import { type TestRunSummary, testRuns } from '@parley/db';
import type { FlowSpec } from '@parley/engine/flow';
import { ApiError } from './api-error';

const percent = (rate: number) => `${Math.round(rate * 100)}%`;

/**
 * Refuses to publish a draft whose flow requires a pass rate (`testPolicy.requiredPassRate`) when
 * the latest test run on exactly this draft is missing or below it (409 tests_required).
 */
export async function assertTestPolicy(flowId: string, draft: FlowSpec): Promise<void> {
  const required = draft.testPolicy?.requiredPassRate;
  if (required === undefined) return;
  const run: TestRunSummary | null = await testRuns.latestForSpec(flowId, draft);
  if (!run) {
    throw new ApiError(
      409,
      'tests_required',
      `This flow requires ${percent(required)} of its tests to pass before publishing; run the tests on this draft first (Test → Tests → Run all tests).`,
      { requiredPassRate: required },
    );
  }
  if (run.passRate < required) {
    throw new ApiError(
      409,
      'tests_required',
      `This flow requires ${percent(required)} of its tests to pass before publishing; the latest run on this draft passed ${run.passed} of ${run.total} (${percent(run.passRate)}).`,
      { requiredPassRate: required, passed: run.passed, total: run.total },
    );
  }
}

/** Counts a run's passing tests (scenarios and simulations) and stores it on the version it ran on. */
export async function recordTestRun(
  flowVersionId: string,
  run: { results: { status: string }[]; simulations: { status: string }[] },
): Promise<void> {
  const all = [...run.results, ...run.simulations];
  await testRuns.record(flowVersionId, {
    passed: all.filter((r) => r.status === 'passed').length,
    total: all.length,
    results: run,
  });
}
