import type { WorkspaceRepositories } from '@parley/db';
import { ApiError } from '../api-error';
import { callLimiter } from './rate-limit';

/** Test calls a workspace may have going at once (PARLEY_MAX_TEST_CALLS, default 5). */
export function maxConcurrentTestCalls(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const value = Number(env.PARLEY_MAX_TEST_CALLS);
  return Number.isInteger(value) && value > 0 ? value : 5;
}

/**
 * Refuses a new test call with 429 when the workspace started too many this minute
 * (`rate_limited`) or already has its maximum going (`too_many_calls`): calls cost real
 * compute and provider money.
 */
export async function admitTestCall(workspaceId: string, repos: WorkspaceRepositories): Promise<void> {
  const max = maxConcurrentTestCalls();
  if ((await repos.calls.countOpen()) >= max) {
    throw new ApiError(429, 'too_many_calls', `This workspace already has ${max} test calls going; end one first.`);
  }
  const waitMs = callLimiter.take(workspaceId);
  if (waitMs > 0) {
    throw new ApiError(429, 'rate_limited', 'Too many test calls started this minute; wait a little.', {
      retryAfterSeconds: Math.ceil(waitMs / 1000),
    });
  }
}
