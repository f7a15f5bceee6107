import type { RateLimit, WorkspaceRepositories } from '@parley/db';
import { ApiError } from '../api-error';
import { takeOrRefuse } from '../auth/rate-limited';

/** Sessions one API key may start a minute (PARLEY_API_SESSIONS_PER_MINUTE, default 60). */
export function apiSessionStarts(env: Readonly<Record<string, string | undefined>> = process.env): RateLimit {
  const value = Number(env.PARLEY_API_SESSIONS_PER_MINUTE);
  return { limit: Number.isInteger(value) && value > 0 ? value : 60, windowMs: 60_000 };
}

/** Counts one session start for key `keyId`; 429 `rate_limited` with Retry-After past its limit. */
export async function takeSessionStart(keyId: string): Promise<void> {
  const rule = apiSessionStarts();
  await takeOrRefuse(
    `api-sessions:${keyId}`,
    rule,
    `This API key started ${rule.limit} sessions in the last minute, its limit; retry after the time given.`,
  );
}

/** 429 `too_many_calls` naming the workspace's cap. */
export function workspaceCapReached(max: number): ApiError {
  return new ApiError(
    429,
    'too_many_calls',
    `The workspace already has ${max} ${max === 1 ? 'call' : 'calls'} going, its maximum of concurrent calls; try again when one ends.`,
    { maxConcurrentCalls: max },
  );
}

/**
 * Refuses early when the workspace has its maximum of calls going. In LiveKit mode this is the
 * web's only check: the runtime creates the call (and admits it atomically) when the agent is
 * dispatched; in local mode createCapped makes the binding check.
 */
export async function requireCallRoom(repos: WorkspaceRepositories, max: number): Promise<void> {
  if ((await repos.calls.countOpen()) >= max) throw workspaceCapReached(max);
}
