import { DisconnectReason, ParticipantKind } from '@livekit/rtc-node';
import { describe, expect, it } from 'vitest';
import { departureEndsCall, isCaller } from '../../src/livekit/caller-link';

const person = (identity: string, kind = ParticipantKind.STANDARD, attributes: Record<string, string> = {}) => ({
  identity,
  kind,
  attributes,
});

describe('linking the caller', () => {
  it('takes people, phone callers and connectors, but not other agents, egress or ingress', () => {
    expect(isCaller(person('web-user'), 'agent-AJ_1')).toBe(true);
    expect(isCaller(person('sip_+15551234', ParticipantKind.SIP), 'agent-AJ_1')).toBe(true);
    expect(isCaller(person('whatsapp', ParticipantKind.CONNECTOR), 'agent-AJ_1')).toBe(true);
    expect(isCaller(person('agent-AJ_2', ParticipantKind.AGENT), 'agent-AJ_1')).toBe(false);
    expect(isCaller(person('recorder', ParticipantKind.EGRESS), 'agent-AJ_1')).toBe(false);
    expect(isCaller(person('obs', ParticipantKind.INGRESS), 'agent-AJ_1')).toBe(false);
  });

  it('skips a participant publishing on this agent’s behalf (an avatar), not one serving another agent', () => {
    const avatar = person('avatar', ParticipantKind.STANDARD, { 'lk.publish_on_behalf': 'agent-AJ_1' });
    expect(isCaller(avatar, 'agent-AJ_1')).toBe(false);
    expect(isCaller(avatar, 'agent-AJ_9')).toBe(true);
  });

  it('with a named caller, links to that identity only', () => {
    expect(isCaller(person('alice'), 'agent-AJ_1', 'bob')).toBe(false);
    expect(isCaller(person('bob', ParticipantKind.SIP), 'agent-AJ_1', 'bob')).toBe(true);
  });

  it('ends the call when the caller leaves on purpose or the room goes, not after a network drop', () => {
    expect(departureEndsCall(DisconnectReason.CLIENT_INITIATED)).toBe(true);
    expect(departureEndsCall(DisconnectReason.ROOM_DELETED)).toBe(true);
    expect(departureEndsCall(DisconnectReason.USER_REJECTED)).toBe(true);
    expect(departureEndsCall(DisconnectReason.CONNECTION_TIMEOUT)).toBe(false);
    expect(departureEndsCall(DisconnectReason.DUPLICATE_IDENTITY)).toBe(false);
    expect(departureEndsCall(undefined)).toBe(false);
  });
});
