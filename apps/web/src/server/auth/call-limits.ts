import type { RateLimit, WorkspaceRepositories } from '@parley/db';
import { ApiError } from '../api-error';
import { takeOrRefuse } from './rate-limited';

/** Test calls a workspace may have going at once (PARLEY_MAX_TEST_CALLS, default 5). */
export function maxConcurrentTestCalls(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const value = Number(env.PARLEY_MAX_TEST_CALLS);
  return Number.isInteger(value) && value > 0 ? value : 5;
}

/** Test calls started: 20 a minute per workspace. */
export const testCallStarts: RateLimit = { limit: 20, windowMs: 60_000 };

/** Scenario runs: 10 a minute per workspace (each runs a whole conversation per scenario). */
export const scenarioRunStarts: RateLimit = { limit: 10, windowMs: 60_000 };

/**
 * Refuses a new test call with 429 when the workspace already has its maximum going
 * (`too_many_calls`, a quick early answer; the binding check is atomic, when the call is
 * created: see startTestCall) or started too many this minute (`rate_limited`): calls cost real
 * compute and provider money.
 */
export async function admitTestCall(workspaceId: string, repos: WorkspaceRepositories, max: number): Promise<void> {
  if ((await repos.calls.countOpen()) >= max) throw tooManyCalls(max);
  await takeOrRefuse(
    `test-calls:${workspaceId}`,
    testCallStarts,
    'Too many test calls started this minute; wait a little.',
  );
}

/** 429 `too_many_calls`: the workspace has its maximum of test calls going. */
export function tooManyCalls(max: number): ApiError {
  return new ApiError(429, 'too_many_calls', `This workspace already has ${max} test calls going; end one first.`);
}

/** Refuses a scenario run with 429 `rate_limited` past 10 a minute for the workspace. */
export async function admitScenarioRun(workspaceId: string): Promise<void> {
  await takeOrRefuse(
    `scenario-runs:${workspaceId}`,
    scenarioRunStarts,
    'Too many scenario runs this minute; wait a little and run them again.',
  );
}
