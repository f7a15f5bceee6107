/** Exponential backoff between attempts at a database write. */
export interface BackoffOptions {
  firstDelayMs: number;
  maxDelayMs: number;
}

export const defaultBackoff: BackoffOptions = { firstDelayMs: 250, maxDelayMs: 5000 };

/**
 * Runs `attempt` until it succeeds, waiting firstDelayMs, then twice that, up to maxDelayMs,
 * between tries; `onRetry` hears every failure that will be retried. Stops once `giveUp(error)`
 * is true after a failure, rethrowing that error.
 */
export async function retryWithBackoff<T>(
  attempt: () => Promise<T>,
  options: BackoffOptions,
  onRetry: (error: unknown, tries: number) => void,
  giveUp: (error: unknown) => boolean,
): Promise<T> {
  let delay = options.firstDelayMs;
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      if (giveUp(error)) throw error;
      onRetry(error, tries);
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(options.maxDelayMs, delay * 2);
    }
  }
}
