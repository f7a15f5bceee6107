import type { SpokenSegment } from './played-text';

/**
 * One utterance of the agent (a reply, a greeting, a say()). Owns the abort signal that stops
 * its LLM, tools and TTS, and the audio timeline used to truncate what was not heard.
 */
export class SpeechHandle {
  readonly controller = new AbortController();
  readonly segments: SpokenSegment[] = [];
  /** Audio written to the output so far, in ms of the utterance. */
  writtenMs = 0;
  interrupted = false;
  /** Output position when it was interrupted: what the caller heard. */
  playedMsAtInterrupt = 0;

  constructor(
    readonly id: string,
    readonly allowInterruptions: boolean,
  ) {}

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Stops everything this speech still has to do. */
  abort(): void {
    this.controller.abort();
  }
}
