import { DisconnectReason, ParticipantKind } from '@livekit/rtc-node';
import { ATTRIBUTE_PUBLISH_ON_BEHALF } from './conventions';

/** What linking looks at in a remote participant. */
export interface ParticipantView {
  identity: string;
  kind: ParticipantKind;
  attributes: Record<string, string>;
}

/** Kinds that can be the caller: people in a browser or app, phone callers, connectors (as LiveKit Agents). */
const CALLER_KINDS: readonly ParticipantKind[] = [
  ParticipantKind.STANDARD,
  ParticipantKind.SIP,
  ParticipantKind.CONNECTOR,
];

/** Reasons a caller's departure ends the call; after others (e.g. a network drop) they may rejoin. */
const FINAL_DISCONNECT_REASONS: readonly DisconnectReason[] = [
  DisconnectReason.CLIENT_INITIATED,
  DisconnectReason.ROOM_DELETED,
  DisconnectReason.USER_REJECTED,
];

/**
 * Whether `participant` is the caller the agent links to: the one named by `callerIdentity`
 * when given, else any caller-kind participant not publishing on the agent's behalf.
 */
export function isCaller(participant: ParticipantView, agentIdentity: string, callerIdentity?: string): boolean {
  if (callerIdentity) return participant.identity === callerIdentity;
  if (participant.attributes[ATTRIBUTE_PUBLISH_ON_BEHALF] === agentIdentity) return false;
  return CALLER_KINDS.includes(participant.kind);
}

/** Whether the linked caller leaving for `reason` ends the call (undefined: reason unknown, it does not). */
export function departureEndsCall(reason: DisconnectReason | undefined): boolean {
  return reason !== undefined && FINAL_DISCONNECT_REASONS.includes(reason);
}
