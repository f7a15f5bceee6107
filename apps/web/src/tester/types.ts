import type { ServerMessage } from '@parley/calls';
import type { SessionEvent } from '@parley/engine';

export type { SessionEvent };

/** A runtime refusal or failure as the local-mode protocol reports it. */
export type CallErrorMessage = Extract<ServerMessage, { type: 'call_error' }>;

/** A playback command from the runtime. */
export type PlaybackMessage = Extract<ServerMessage, { type: 'playback' }>;

/** What POST /api/flows/:id/calls answers. */
export type StartedCall =
  | { callId: string; versionNumber: number; mode: 'local'; url: string; token: string }
  | {
      callId: string;
      versionNumber: number;
      mode: 'livekit';
      serverUrl: string;
      participantToken: string;
      room: string;
    };

/** A call as GET /api/flows/:id/calls and GET /api/calls/:id show it. */
export interface CallSummary {
  id: string;
  flowId: string;
  versionNumber: number;
  mode: 'livekit' | 'local';
  status: 'pending' | 'active' | 'ended' | 'failed';
  createdAt: string;
  startedAt: string | null;
  endedAt: string | null;
  durationMs: number | null;
  failureReason: string | null;
}
