/**
 * A sliding-window limiter kept in this process's memory: at most `limit` events per key within
 * `windowMs`. Enough for one web process; several web processes would each count on their own
 * (then a shared store such as Postgres or Redis would be needed).
 */
export class SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Records one event for `key` if allowed; returns the ms to wait when it is over the limit, else 0. */
  take(key: string, now = Date.now()): number {
    const recent = (this.hits.get(key) ?? []).filter((at) => at > now - this.windowMs);
    if (recent.length >= this.limit) {
      this.hits.set(key, recent);
      return (recent[0] as number) + this.windowMs - now;
    }
    recent.push(now);
    this.hits.set(key, recent);
    if (this.hits.size > 10_000) this.prune(now);
    return 0;
  }

  // Keys whose events all left the window are dropped, so memory tracks only active keys.
  private prune(now: number): void {
    for (const [key, times] of this.hits) {
      if (!times.some((at) => at > now - this.windowMs)) this.hits.delete(key);
    }
  }
}

/** Sign-in attempts: 5 a minute per client address and email. */
export const signInLimiter = new SlidingWindowLimiter(5, 60_000);

/**
 * Sign-in attempts per account from anywhere: 20 per 15 minutes. The client address comes from
 * X-Forwarded-For, which a client can forge without a proxy in front, so this cap holds anyway.
 */
export const accountSignInLimiter = new SlidingWindowLimiter(20, 15 * 60_000);

/** Test calls started: 20 a minute per workspace. */
export const callLimiter = new SlidingWindowLimiter(20, 60_000);
