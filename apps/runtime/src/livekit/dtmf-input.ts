import { type RemoteParticipant, type Room, RoomEvent } from '@livekit/rtc-node';

/** Telephone-event codes (RFC 4733) as LiveKit SIP reports them: 0-9 are digits, 10 is *, 11 is #. */
const keyOfCode = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '#'];

/** The key a DTMF event stands for: its digit when it is a key, else the one its code names; null otherwise. */
export function dtmfKey(code: number, digit: string): string | null {
  if (/^[0-9*#]$/.test(digit)) return digit;
  return keyOfCode[code] ?? null;
}

export interface DtmfInputOptions {
  /** Only the linked caller's keys count (a SIP participant, or a web caller using publishDtmf). */
  callerIdentity: () => string | null;
  onKey(key: string): void;
}

/**
 * Listens to rtc-node's `dtmfReceived` room event (SIP DTMF, or `publishDtmf` from any
 * participant) and passes the linked caller's keys on; returns the function that stops listening.
 */
export function listenForDtmf(room: Room, options: DtmfInputOptions): () => void {
  const listener = (code: number, digit: string, participant: RemoteParticipant) => {
    if (participant?.identity !== options.callerIdentity()) return;
    const key = dtmfKey(code, digit);
    if (key) options.onKey(key);
  };
  room.on(RoomEvent.DtmfReceived, listener);
  return () => room.off(RoomEvent.DtmfReceived, listener);
}
