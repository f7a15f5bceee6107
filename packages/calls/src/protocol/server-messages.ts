import type { SessionEvent } from '@parley/engine';

/** Why the runtime refused or stopped a call, or rejected one message. */
export type CallErrorCode =
  | 'token_invalid'
  | 'token_expired'
  | 'unknown_call'
  | 'unknown_version'
  | 'call_not_pending'
  | 'runtime_full'
  | 'runtime_draining'
  | 'bad_message'
  | 'bad_audio'
  | 'message_too_large'
  /** The caller sent audio faster than real time, well past the allowance. */
  | 'audio_too_fast'
  /** The client did not read what the runtime sent (too much waiting on its socket). */
  | 'client_too_slow'
  | 'call_failed';

/**
 * Runtime -> browser text frames (JSON): every SessionEvent as it happens, plus:
 * - `call_error`: something the runtime refused; `fatal` ones are followed by the socket closing.
 * - `playback`: what to do with agent audio already received (clear on interruption, pause/resume
 *   on a possible false interruption). The runtime counts audio as played by wall clock from its
 *   first frame, so a client should play frames as they come and obey these at once.
 * Binary frames carry agent audio, see encodeAgentAudio.
 */
export type ServerMessage =
  | SessionEvent
  | { type: 'call_error'; code: CallErrorCode; message: string; fatal: boolean }
  | { type: 'playback'; action: 'clear' | 'pause' | 'resume' };

/** WebSocket close codes the runtime uses (reason text says more; see call_error for the full message). */
export const CallCloseCode = {
  /** The call ended (hang-up, end_call tool, or the caller's end_call). */
  ended: 1000,
  /** Runtime shutting down and the call could not finish in time. */
  goingAway: 1001,
  /** The client broke the protocol's pace: audio faster than real time, or not reading. */
  policyViolation: 1008,
  /** Oversized message. */
  tooLarge: 1009,
  /** The call's process crashed or the session failed to start. */
  failed: 1011,
  /** The runtime is full or draining: try another runtime or later. */
  tryAgainLater: 1013,
  /** The token is forged, malformed or expired. */
  unauthorized: 4401,
  /** No such call, or its version does not exist. */
  notFound: 4404,
  /** The call already started or finished. */
  conflict: 4409,
} as const;
