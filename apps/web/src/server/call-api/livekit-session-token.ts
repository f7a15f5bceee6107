import type { CallVariables } from '@parley/db';
import { AccessToken, RoomAgentDispatch, RoomConfiguration } from 'livekit-server-sdk';
import type { LiveKitAccess } from '../calls-config';
import { newRoomName } from '../livekit-session';

/** How long a caller's token may be used to join: long enough to connect, short if it leaks. */
export const SESSION_TOKEN_TTL_SECONDS = 10 * 60;

/** What the agent learns from its dispatch: the runtime creates the call from it. */
export interface ApiDispatchMetadata {
  flowId: string;
  variables: CallVariables;
  /** How the caller came: the call API or the embeddable widget. */
  source: 'api' | 'embed';
}

/** A LiveKit join for one caller of a call-API session. */
export interface LiveKitSessionJoin {
  serverUrl: string;
  room: string;
  participantToken: string;
  participantIdentity: string;
  expiresAt: Date;
}

/**
 * Mints a token that may join one new room only, whose room configuration dispatches the
 * runtime's agent with the flow and variables: LiveKit starts the agent when the caller
 * creates the room by joining, so nothing is dispatched (or recorded) for a token never used.
 */
export async function mintSessionToken(
  access: LiveKitAccess,
  metadata: ApiDispatchMetadata,
  caller: { identity: string; name?: string | undefined },
): Promise<LiveKitSessionJoin> {
  const room = newRoomName();
  const token = new AccessToken(access.apiKey, access.apiSecret, {
    identity: caller.identity,
    ...(caller.name ? { name: caller.name } : {}),
    ttl: SESSION_TOKEN_TTL_SECONDS,
  });
  token.addGrant({ room, roomJoin: true, canPublish: true, canSubscribe: true, canPublishData: true });
  token.roomConfig = new RoomConfiguration({
    agents: [new RoomAgentDispatch({ agentName: access.agentName, metadata: JSON.stringify(metadata) })],
  });
  const expiresAt = new Date(Date.now() + SESSION_TOKEN_TTL_SECONDS * 1000);
  return {
    serverUrl: access.publicUrl,
    room,
    participantToken: await token.toJwt(),
    participantIdentity: caller.identity,
    expiresAt,
  };
}
