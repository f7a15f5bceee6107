import { request } from '@/src/api/request';
import type { ApiResult } from '@/src/api/types';

/** How the widget joins a call it started: the runtime's WebSocket, or a LiveKit room. */
export type WidgetSession =
  | { mode: 'local'; callId: string; versionNumber: number; url: string; token: string; expiresAt: string }
  | {
      mode: 'livekit';
      serverUrl: string;
      room: string;
      participantToken: string;
      participantIdentity: string;
      expiresAt: string;
    };

/** Starts a call of the widget's flow with its publishable key. */
export function startWidgetSession(flow: string, key: string): Promise<ApiResult<WidgetSession>> {
  return request<WidgetSession>('POST', `/api/v1/embed/${encodeURIComponent(flow)}/sessions`, { key });
}
