import { getDb } from './client';

/** At most `limit` events per key in each window of `windowMs`. */
export interface RateLimit {
  limit: number;
  windowMs: number;
}

interface WindowRow {
  count: number;
  wait_ms: number;
}

/**
 * Rate-limit counters in Postgres, so every web process and runtime counts together. Fixed
 * windows aligned on the database clock; one atomic upsert per event, so concurrent requests
 * can never all slip under a limit.
 */
export const rateLimits = {
  /** Counts one event for `key`; returns the ms to wait when that goes past the limit, else 0. */
  async take(key: string, rule: RateLimit): Promise<number> {
    const [row] = await getDb().$queryRaw<WindowRow[]>`
      WITH w AS (
        SELECT date_bin(make_interval(secs => ${rule.windowMs / 1000}::float8), now(), 'epoch') AS start
      )
      INSERT INTO rate_limits (key, window_start, count, expires_at)
      SELECT ${key}, w.start, 1, w.start + make_interval(secs => ${rule.windowMs / 1000}::float8) FROM w
      ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limits.count + 1
      RETURNING count, (extract(epoch FROM expires_at - now()) * 1000)::float8 AS wait_ms`;
    // Expired windows are dropped now and then, by whichever request comes by.
    if (Math.random() < 0.02) await getDb().$executeRaw`DELETE FROM rate_limits WHERE expires_at < now()`;
    if (!row || row.count <= rule.limit) return 0;
    return Math.max(1, Math.ceil(row.wait_ms));
  },

  /** Takes back one event counted by take() (e.g. an attempt that turned out to succeed). */
  async giveBack(key: string, rule: RateLimit): Promise<void> {
    await getDb().$executeRaw`
      UPDATE rate_limits SET count = greatest(count - 1, 0)
      WHERE key = ${key}
        AND window_start = date_bin(make_interval(secs => ${rule.windowMs / 1000}::float8), now(), 'epoch')`;
  },

  /** The ms to wait while `key` is over its limit in the current window, else 0; counts nothing. */
  async peek(key: string, rule: RateLimit): Promise<number> {
    const [row] = await getDb().$queryRaw<WindowRow[]>`
      SELECT count, (extract(epoch FROM expires_at - now()) * 1000)::float8 AS wait_ms FROM rate_limits
      WHERE key = ${key}
        AND window_start = date_bin(make_interval(secs => ${rule.windowMs / 1000}::float8), now(), 'epoch')`;
    if (!row || row.count < rule.limit) return 0;
    return Math.max(1, Math.ceil(row.wait_ms));
  },
};
