import type { TurnHandling } from '../flow/settings';

/** The resolved `endpointing` settings. */
export type EndpointingSettings = TurnHandling['endpointing'];

/** Current endpointing delays in ms, for metrics and events. */
export interface EndpointingValues {
  mode: EndpointingSettings['mode'];
  /** Wait after the real end of speech when the turn seems complete. */
  minDelay: number;
  /** Wait after the real end of speech when the turn seems to go on, or nobody could tell. */
  maxDelay: number;
}

/**
 * How long to wait after the user stops speaking before the agent takes the turn.
 *
 * `fixed`: minDelay when the turn seems complete, maxDelay when it seems to go on.
 * `dynamic`: both delays follow the speaker, each as an exponential moving average,
 * `ema = alpha * ema + (1 - alpha) * sample` (alpha weighs the history: 0.9 moves 10% per
 * sample), clamped to the configured [minDelay, maxDelay]:
 *  - pauses that ENDED a turn (onTurnEndPause) set the delay for a complete-seeming turn;
 *    it starts at minDelay;
 *  - pauses INSIDE a turn, after which the same user went on (onPauseWithinTurn), set the
 *    delay for a turn that seems to go on; it starts at maxDelay and stays there with
 *    keepMaxDelayFixed. It never drops below the complete-turn delay.
 * Delays count from the real end of speech (the VAD's speech-end time), so the VAD's own
 * silence window is part of the wait, not added to it: see remainingWait.
 */
export class Endpointing {
  private turnEndEma: number;
  private withinTurnEma: number;

  constructor(private readonly settings: EndpointingSettings) {
    this.turnEndEma = settings.minDelay;
    this.withinTurnEma = settings.maxDelay;
  }

  /** Current delay when the turn seems complete. */
  get minDelay(): number {
    return this.turnEndEma;
  }

  /** Current delay when the turn seems to go on (or is undetermined). */
  get maxDelay(): number {
    return Math.max(this.withinTurnEma, this.turnEndEma);
  }

  /**
   * Delay after the real end of speech for a verdict: true = turn complete (minDelay);
   * false = it goes on, undefined = undetermined, e.g. the turn model timed out (maxDelay).
   */
  delayFor(complete: boolean | undefined): number {
    return complete === true ? this.minDelay : this.maxDelay;
  }

  /** Milliseconds still to wait at `now`, counting the delay from the real end of speech (never negative). */
  remainingWait(realEndOfSpeechAt: number, now: number, complete: boolean | undefined): number {
    return Math.max(0, realEndOfSpeechAt + this.delayFor(complete) - now);
  }

  /**
   * Records a pause inside a turn: the user stopped for `ms` and then went on speaking before
   * the agent replied (a thinking pause). Dynamic mode only.
   */
  onPauseWithinTurn(ms: number): void {
    if (!this.learns(ms) || this.settings.keepMaxDelayFixed) return;
    this.withinTurnEma = this.mix(this.withinTurnEma, ms);
  }

  /**
   * Records a pause that ended a turn: from the user's real end of speech to the agent
   * starting to speak, or to the user speaking again when the agent was about to reply.
   * Dynamic mode only.
   */
  onTurnEndPause(ms: number): void {
    if (!this.learns(ms)) return;
    this.turnEndEma = this.mix(this.turnEndEma, ms);
  }

  /** A snapshot of the current delays. */
  values(): EndpointingValues {
    return { mode: this.settings.mode, minDelay: this.minDelay, maxDelay: this.maxDelay };
  }

  private learns(ms: number): boolean {
    return this.settings.mode === 'dynamic' && Number.isFinite(ms) && ms >= 0;
  }

  private mix(ema: number, sample: number): number {
    const { alpha, minDelay, maxDelay } = this.settings;
    const next = alpha * ema + (1 - alpha) * sample;
    return Math.min(maxDelay, Math.max(minDelay, next));
  }
}
