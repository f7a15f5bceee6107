import { type RemoteParticipant, Room, RoomEvent } from '@livekit/rtc-node';
import { compile, InProcessTransport, type SessionEvent, VirtualClock, VoiceSession } from '@parley/engine';
import { describe, expect, it } from 'vitest';
import { CallerInputRelay } from '../../src/livekit/caller-input-relay';
import { dtmfKey, listenForDtmf } from '../../src/livekit/dtmf-input';

/** The participant rtc-node passes with a DTMF event (only its identity is read). */
const participant = (identity: string) => ({ identity }) as RemoteParticipant;

/** A PIN step: keys go into `pin`; 1234 routes to Accounts. */
const pinPlan = () =>
  compile({
    schemaVersion: 2,
    name: 'PIN',
    entryAgentId: 'pin',
    variables: [{ name: 'pin', type: 'string' }],
    agents: [
      {
        id: 'pin',
        name: 'PIN',
        kind: 'say',
        onEnter: { say: 'Enter your PIN.', collectDigits: { variable: 'pin', maxDigits: 4, timeoutMs: 3000 } },
      },
      { id: 'accounts', name: 'Accounts', greeting: 'Accounts here.' },
      { id: 'help', name: 'Help', greeting: 'Help here.' },
    ],
    edges: [
      { id: 'right', from: 'pin', to: 'accounts', condition: 'pin == "1234"' },
      { id: 'other', from: 'pin', to: 'help' },
    ],
  });

describe('DTMF from a LiveKit room', () => {
  it('maps SIP telephone-event codes to keys', () => {
    expect(dtmfKey(5, '5')).toBe('5');
    expect(dtmfKey(10, '')).toBe('*');
    expect(dtmfKey(11, '')).toBe('#');
    expect(dtmfKey(42, '')).toBeNull();
  });

  it("the linked caller's keys on a real rtc-node Room reach the session's collect-digits step", async () => {
    const room = new Room();
    const relay = new CallerInputRelay();
    const stop = listenForDtmf(room, { callerIdentity: () => 'sip_+15550100', onKey: (key) => relay.dtmf(key) });
    const clock = new VirtualClock();
    const inner = new InProcessTransport(clock);
    const events: SessionEvent[] = [];
    // The room transport's wiring: the session connects to the relay, which the room feeds.
    const session = new VoiceSession({
      plan: pinPlan(),
      clock,
      transport: {
        output: inner.output,
        connect: (input) => relay.attach(input),
        send: (event) => events.push(event),
        close: async () => undefined,
      },
    });
    // A key pressed before the session is connected waits for it.
    room.emit(RoomEvent.DtmfReceived, 1, '1', participant('sip_+15550100'));
    await session.start();
    // Someone else in the room pressing keys does not count.
    room.emit(RoomEvent.DtmfReceived, 9, '9', participant('observer'));
    for (const key of '234') room.emit(RoomEvent.DtmfReceived, Number(key), key, participant('sip_+15550100'));
    while (!events.some((e) => e.type === 'handoff')) await clock.advance(20);
    expect(events.filter((e) => e.type === 'dtmf').map((e) => e.type === 'dtmf' && e.digit)).toEqual([
      '1',
      '2',
      '3',
      '4',
    ]);
    expect(events.find((e) => e.type === 'variable_set')).toMatchObject({ name: 'pin', value: '1234' });
    expect(events.find((e) => e.type === 'handoff')).toMatchObject({ to: 'accounts', edgeId: 'right' });
    stop();
    expect(room.listenerCount(RoomEvent.DtmfReceived)).toBe(0);
    await session.close();
  });
});
