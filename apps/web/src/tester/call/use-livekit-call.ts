'use client';

import { useSession } from '@livekit/components-react';
import { TokenSource } from 'livekit-client';
import { useEffect, useEffectEvent, useMemo } from 'react';

/**
 * LiveKit's session for one call: joins the room with the room-scoped token, microphone on, and
 * leaves when the component unmounts. Callers key their component by the token, so each call
 * joins once.
 */
export function useLiveKitCall(serverUrl: string, participantToken: string) {
  const tokenSource = useMemo(
    () => TokenSource.literal({ serverUrl, participantToken }),
    [serverUrl, participantToken],
  );
  const session = useSession(tokenSource);
  const { end } = session;
  // `session` (and its start) changes identity on every state update, so joining is an effect event.
  const join = useEffectEvent(() => void session.start({ tracks: { microphone: { enabled: true } } }));
  useEffect(() => {
    join();
    return () => void end();
  }, [end]);
  return session;
}
