import { type RateLimit, rateLimits } from '@parley/db';
import { ApiError } from '../api-error';

/** 429 `rate_limited` with when to retry. */
export function rateLimited(message: string, waitMs: number): ApiError {
  return new ApiError(429, 'rate_limited', message, { retryAfterSeconds: Math.ceil(waitMs / 1000) });
}

/** Counts one event for `key` in the shared (Postgres) counters; throws 429 with `message` past `rule`. */
export async function takeOrRefuse(key: string, rule: RateLimit, message: string): Promise<void> {
  const waitMs = await rateLimits.take(key, rule);
  if (waitMs > 0) throw rateLimited(message, waitMs);
}
