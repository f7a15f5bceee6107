import type { ServerMessage } from '@parley/calls';
import type { SessionEvent } from '@parley/engine';

export type { SessionEvent };

/** A runtime refusal or failure as the local-mode protocol reports it. */
export type CallErrorMessage = Extract<ServerMessage, { type: 'call_error' }>;

/** A playback command from the runtime. */
export type PlaybackMessage = Extract<ServerMessage, { type: 'playback' }>;
