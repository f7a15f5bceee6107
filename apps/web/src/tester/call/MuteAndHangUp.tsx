'use client';

import type { TestCall } from './use-test-call';

/** The buttons of a running call: mute (once live) and hang up, named `hangUpLabel`. */
export function MuteAndHangUp({ call, hangUpLabel }: { call: TestCall; hangUpLabel: string }) {
  return (
    <>
      <button type="button" aria-pressed={call.muted} onClick={call.toggleMute} disabled={call.phase.kind !== 'live'}>
        {call.muted ? 'Unmute' : 'Mute'}
      </button>
      <button type="button" className="danger" onClick={call.hangUp}>
        {hangUpLabel}
      </button>
    </>
  );
}
