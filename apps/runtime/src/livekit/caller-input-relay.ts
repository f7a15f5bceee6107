import type { CallerInput, PcmFrame } from '@parley/engine';

/**
 * The caller's input as the room delivers it, handed to the session once it connects.
 * The room can speak first (a typed message, or the caller leaving, while the session is being
 * built): text and hang-up wait for the session; audio before it is dropped, as nobody listens yet.
 */
export class CallerInputRelay implements CallerInput {
  private target: CallerInput | null = null;
  private pendingText: string[] = [];
  private pendingKeys: string[] = [];
  private hungUp = false;

  /** Connects the session; input that arrived before is delivered now, in order. */
  attach(target: CallerInput): void {
    this.target = target;
    for (const text of this.pendingText.splice(0)) target.text(text);
    for (const key of this.pendingKeys.splice(0)) target.dtmf?.(key);
    if (this.hungUp) target.hangup();
  }

  /** Caller audio (dropped until a session is attached). */
  audio(frame: PcmFrame): void {
    this.target?.audio(frame);
  }

  /** Typed caller text. */
  text(text: string): void {
    if (this.target) this.target.text(text);
    else this.pendingText.push(text);
  }

  /** A key the caller pressed (waits for the session, like text). */
  dtmf(key: string): void {
    if (this.target) this.target.dtmf?.(key);
    else this.pendingKeys.push(key);
  }

  /** The caller is gone; delivered once. */
  hangup(): void {
    if (this.hungUp) return;
    this.hungUp = true;
    this.target?.hangup();
  }
}
