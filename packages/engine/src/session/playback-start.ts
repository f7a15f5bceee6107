import type { Clock } from './clock';
import type { AudioOutput } from './transport';

/** How often the output's position is read until playback has started. */
const pollMs = 5;

/**
 * Calls `onStart` with the session time the output actually began playing the utterance just
 * written to it: a transport may queue audio (or be paused), so handing audio over is not the
 * moment the caller hears it. Read back from playedMs(): position p seen at time t means
 * playback started at t - p. Stops watching when `signal` aborts.
 */
export function watchPlaybackStart(
  output: AudioOutput,
  clock: Clock,
  signal: AbortSignal,
  onStart: (at: number) => void,
): void {
  const check = () => {
    if (signal.aborted) return;
    const played = output.playedMs();
    if (played > 0) onStart(clock.now() - played);
    else clock.setTimer(check, pollMs);
  };
  check();
}
