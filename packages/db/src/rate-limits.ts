import { getDb } from './client';

/** At most `limit` events per key in any `windowMs` (a sliding window). */
export interface RateLimit {
  limit: number;
  windowMs: number;
}

interface WindowRow {
  count: number;
  wait_ms: number | null;
}

type Queryable = Pick<ReturnType<typeof getDb>, '$queryRaw'>;

/**
 * Events of `key` in the last `windowMs`, and the ms until the oldest of them leaves the window.
 * The clock is read now (clock_timestamp), not at the transaction's start (now()): a transaction
 * that waited for the key's lock would otherwise see events dated after its own "now".
 */
async function recent(db: Queryable, key: string, windowMs: number): Promise<WindowRow> {
  const [row] = await db.$queryRaw<WindowRow[]>`
    SELECT count(*)::int AS count,
      (extract(epoch FROM min(at) + make_interval(secs => ${windowMs / 1000}::float8) - clock_timestamp()) * 1000)::float8 AS wait_ms
    FROM rate_limit_events
    WHERE key = ${key} AND at > clock_timestamp() - make_interval(secs => ${windowMs / 1000}::float8)`;
  return row ?? { count: 0, wait_ms: null };
}

const waitOf = (row: WindowRow) => Math.max(1, Math.ceil(row.wait_ms ?? 1));

// A flood queues for connections and for the key's lock; each turn takes milliseconds, so waiting
// longer than Prisma's 2 s default beats failing the request.
export const transactionWaits = { maxWait: 15_000, timeout: 15_000 };

/**
 * Rate limits in Postgres, so every web process and runtime counts together: one row per event,
 * counted over a sliding window on the database clock. take() holds a transaction-scoped
 * advisory lock on the key while it counts and records, so racing requests cannot all slip in.
 */
export const rateLimits = {
  /** Records one event for `key` if under the limit and returns 0; else records nothing and returns the ms to wait. */
  async take(key: string, rule: RateLimit): Promise<number> {
    const wait = await getDb().$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))) AS l`;
      const row = await recent(tx, key, rule.windowMs);
      if (row.count >= rule.limit) return waitOf(row);
      await tx.$executeRaw`INSERT INTO rate_limit_events (key, at) VALUES (${key}, clock_timestamp())`;
      return 0;
    }, transactionWaits);
    // Old events are dropped now and then, by whichever request comes by (no window is over a day).
    if (Math.random() < 0.02) {
      await getDb().$executeRaw`DELETE FROM rate_limit_events WHERE at < now() - interval '1 day'`;
    }
    return wait;
  },

  /** Takes back the latest event of `key` (e.g. an attempt that turned out to succeed). */
  async giveBack(key: string): Promise<void> {
    await getDb().$executeRaw`
      DELETE FROM rate_limit_events
      WHERE id = (SELECT id FROM rate_limit_events WHERE key = ${key} ORDER BY at DESC, id DESC LIMIT 1)`;
  },

  /** The ms to wait while `key` is at its limit, else 0; records nothing. */
  async peek(key: string, rule: RateLimit): Promise<number> {
    const row = await recent(getDb(), key, rule.windowMs);
    return row.count >= rule.limit ? waitOf(row) : 0;
  },
};
