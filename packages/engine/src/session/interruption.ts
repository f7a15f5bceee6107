import type { TurnHandling } from '../flow/settings';
import type { Clock, TimerHandle } from './clock';

type InterruptionSettings = TurnHandling['interruption'];

export interface InterruptionTarget {
  /** The agent speech the user may interrupt, or null when none is under way or it is uninterruptible. */
  interruptible(): boolean;
  pause(): void;
  resume(): void;
  /** A real interruption: stop the speech for good. */
  interrupt(): void;
  /** A pause turned out to be a false interruption and playback resumed. */
  falseInterruption(): void;
}

/**
 * Decides whether the user's speech interrupts the agent. A real interruption needs
 * `minDuration` ms of speech and, when an STT transcribes, `minWords` words.
 *
 * With resumeFalseInterruption the agent pauses (nothing is dropped) at the first sign of
 * speech, so it goes quiet at once; it is cleared only once the interruption is real. If the
 * speech ends without qualifying and nothing qualifies within falseInterruptionTimeout, the
 * agent resumes where it stopped. Without it, speech that does not qualify is ignored.
 */
export class InterruptionPolicy {
  private speechStartAudioMs: number | null = null;
  private longEnough = false;
  private words = 0;
  private paused = false;
  private resumeTimer: TimerHandle | null = null;

  constructor(
    private readonly clock: Clock,
    private readonly settings: () => InterruptionSettings,
    private readonly hasStt: boolean,
    private readonly target: InterruptionTarget,
  ) {}

  /** VAD: the user started speaking (`audioMs` on the caller's audio timeline). */
  speechStarted(audioMs: number): void {
    this.speechStartAudioMs = audioMs;
    this.longEnough = false;
    this.words = 0;
    this.cancelResume();
    const settings = this.settings();
    if (!settings.enabled || !this.target.interruptible()) return;
    if (settings.resumeFalseInterruption && !this.paused) {
      this.paused = true;
      this.target.pause();
    }
    this.check();
  }

  /** VAD: speech goes on at `audioMs`. */
  speaking(audioMs: number): void {
    if (this.speechStartAudioMs === null) return;
    if (audioMs - this.speechStartAudioMs >= this.settings().minDuration) this.longEnough = true;
    this.check();
  }

  /** STT: words heard in the current user speech so far. */
  transcribed(text: string): void {
    this.words = Math.max(this.words, text.split(/\s+/).filter(Boolean).length);
    this.check();
  }

  /** VAD: the user's speech ended. */
  speechEnded(audioMs: number): void {
    this.speaking(audioMs);
    this.speechStartAudioMs = null;
    if (!this.paused) return;
    this.cancelResume();
    this.resumeTimer = this.clock.setTimer(() => {
      this.resumeTimer = null;
      if (!this.paused) return;
      this.paused = false;
      this.target.resume();
      this.target.falseInterruption();
    }, this.settings().falseInterruptionTimeout);
  }

  /** The agent's speech is over (finished or interrupted): forget any pause. */
  reset(): void {
    this.cancelResume();
    this.paused = false;
  }

  private check(): void {
    const settings = this.settings();
    if (!settings.enabled || !this.longEnough || !this.target.interruptible()) return;
    if (this.hasStt && settings.minWords > 0 && this.words < settings.minWords) return;
    this.cancelResume();
    this.paused = false;
    this.longEnough = false;
    this.target.interrupt();
  }

  private cancelResume(): void {
    if (this.resumeTimer) this.clock.clearTimer(this.resumeTimer);
    this.resumeTimer = null;
  }
}
