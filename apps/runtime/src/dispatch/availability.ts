/** When a worker tells LiveKit it is full, and when it may take jobs again. */
export interface AvailabilityThresholds {
  /** At or above this load (0..1) the worker is full. */
  loadThreshold: number;
  /** Once full, it is available again only below loadThreshold - loadMargin. */
  loadMargin: number;
}

/**
 * Whether a worker is full at `load`, given whether it was full before. The gap between the
 * two thresholds keeps a load hovering around one of them from flipping the state at every
 * report (seen on a 2-core machine: full/available every 2.5 s during a build).
 */
export function isFull(load: number, wasFull: boolean, { loadThreshold, loadMargin }: AvailabilityThresholds): boolean {
  if (load >= loadThreshold) return true;
  return wasFull && load >= loadThreshold - loadMargin;
}
