import { monitorEventLoopDelay } from 'node:perf_hooks';

/** Event-loop delay above which a call process reports itself behind real time (caller audio arrives every 20 ms). */
const BEHIND_MS = 200;
const WINDOW_MS = 5000;

/**
 * Watches the call process's event loop, where caller audio is received and VAD runs: a delay
 * of BEHIND_MS means audio waited that long, so VAD and the session run late. Reports the worst
 * delay of each window that had one; stops with the process.
 */
export function watchLag(report: (delayMs: number, windowMs: number) => void): void {
  const histogram = monitorEventLoopDelay({ resolution: 20 });
  histogram.enable();
  const timer = setInterval(() => {
    const worstMs = histogram.max / 1e6;
    histogram.reset();
    if (worstMs >= BEHIND_MS) report(Math.round(worstMs), WINDOW_MS);
  }, WINDOW_MS);
  timer.unref();
}
