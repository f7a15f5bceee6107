import type { SessionEvent } from '@parley/engine';
import type { PlaybackAction } from '../isolation/ipc-messages';

/**
 * How a call ended: normally (`byRuntime` when the runtime ended it, e.g. at a drain timeout), or
 * failed with a reason (crash, session that could not start).
 */
export type CallOutcome = { status: 'ended'; byRuntime: boolean } | { status: 'failed'; reason: string };

/** Where a running call's output goes besides its records: the local WebSocket, or nowhere (LiveKit). */
export interface CallSink {
  event(event: SessionEvent): void;
  /** Agent audio, paced at real time. */
  audio(samples: Int16Array, sampleRate: number): void;
  playback(action: PlaybackAction): void;
  /** The call is over and recorded. */
  finished(outcome: CallOutcome): void;
}

/** A sink for calls whose caller is reached by the call's own process (LiveKit rooms). */
export const silentSink: CallSink = {
  event: () => {},
  audio: () => {},
  playback: () => {},
  finished: () => {},
};
