import type { UserTurnLimit } from '../flow/speech-schema';
import type { Clock, TimerHandle } from './clock';

/**
 * Watches one user turn against the flow's limit (words transcribed so far, continuous speech
 * time) and asks the agent to cut in once per turn when it is passed.
 */
export class UserTurnLimitMonitor {
  private timer: TimerHandle | null = null;
  private cutIn = false;
  /** Words of the turn's earlier final transcripts (an interim covers only its own segment). */
  private finalWords = 0;

  constructor(
    private readonly clock: Clock,
    private readonly limit: UserTurnLimit | undefined,
    private readonly onLimit: (line: string) => void,
  ) {}

  /** The caller started speaking. */
  speechStarted(): void {
    const ms = this.limit?.maxDurationMs;
    if (ms === undefined || this.timer || this.cutIn) return;
    this.timer = this.clock.setTimer(() => {
      this.timer = null;
      this.fire();
    }, ms);
  }

  /** The caller stopped speaking: continuous speech time starts over. */
  speechStopped(): void {
    if (this.timer) this.clock.clearTimer(this.timer);
    this.timer = null;
  }

  /** A transcript of the current segment (interim or final). */
  transcript(text: string, final: boolean): void {
    const words = text.split(/\s+/).filter(Boolean).length;
    const max = this.limit?.maxWords;
    if (max !== undefined && this.finalWords + words > max) this.fire();
    if (final) this.finalWords += words;
  }

  /** The turn was answered: the next one is watched afresh. */
  turnEnded(): void {
    this.speechStopped();
    this.cutIn = false;
    this.finalWords = 0;
  }

  private fire(): void {
    if (this.cutIn || !this.limit) return;
    this.cutIn = true;
    this.onLimit(this.limit.line);
  }
}
