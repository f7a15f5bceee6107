import { randomUUID } from 'node:crypto';
import { AccessToken, AgentDispatchClient } from 'livekit-server-sdk';
import { ApiError } from './api-error';
import type { LiveKitAccess } from './calls-config';

/** What the browser needs to join a LiveKit test call. */
export interface LiveKitJoin {
  /** LIVEKIT_PUBLIC_URL (the address browsers reach), not the server-side LIVEKIT_URL. */
  serverUrl: string;
  participantToken: string;
  room: string;
}

/** A fresh room for one call (recorded on the call before the agent is dispatched into it). */
export function newRoomName(): string {
  return `parley-call-${randomUUID()}`;
}

/**
 * Mints a participant token that can join only `room`, for 10 minutes, and dispatches the Parley
 * agent into it with the call's ids as job metadata (the runtime's worker picks the job up).
 */
export async function joinLiveKitCall(
  access: LiveKitAccess,
  room: string,
  metadata: { callId: string; flowVersionId: string },
): Promise<LiveKitJoin> {
  const token = new AccessToken(access.apiKey, access.apiSecret, {
    identity: `tester-${metadata.callId}`,
    name: 'Tester',
    ttl: '10m',
    // The tester reads Parley's SessionEvents: the runtime sends them only to rooms where a participant asks.
    attributes: { 'parley.events': 'on' },
  });
  token.addGrant({ room, roomJoin: true, canPublish: true, canSubscribe: true, canPublishData: true });
  const dispatch = new AgentDispatchClient(access.url, access.apiKey, access.apiSecret, {
    requestTimeout: 5,
    failover: false,
  });
  try {
    await dispatch.createDispatch(room, access.agentName, { metadata: JSON.stringify(metadata) });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ApiError(503, 'livekit_unavailable', `LiveKit at ${access.url} refused the agent dispatch: ${detail}`);
  }
  return { serverUrl: access.publicUrl, participantToken: await token.toJwt(), room };
}
