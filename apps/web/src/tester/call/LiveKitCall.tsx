'use client';

import { BarVisualizer, RoomAudioRenderer, SessionProvider, StartAudio, useAgent } from '@livekit/components-react';
import { RoomEvent } from 'livekit-client';
import { useEffect } from 'react';
import type { SessionEvent } from '../types';
import { useLiveKitCall } from './use-livekit-call';

/** Parley's own topic in the room: every SessionEvent as JSON (data packets, or text streams when large). */
const PARLEY_EVENTS_TOPIC = 'parley.events';
/** LiveKit's topic for text the user types to an agent (what LiveKit agent frontends send on). */
const CHAT_TOPIC = 'lk.chat';

/** Sends typed text to the agent of a connected room. */
export type ChatSender = (text: string) => Promise<void>;

/** Props of a LiveKit test call. */
export interface LiveKitCallProps {
  serverUrl: string;
  participantToken: string;
  onEvent: (event: SessionEvent) => void;
  /** Given a sender once the room is connected, and null when it no longer is. */
  onChat: (send: ChatSender | null) => void;
}

/** The agent's state and voice, drawn by LiveKit's own visualizer. */
function AgentVoice() {
  const agent = useAgent();
  return (
    <div className="tester-livekit-agent">
      <BarVisualizer state={agent.state} track={agent.microphoneTrack} barCount={7} className="tester-lk-bars" />
      <span className="hint">LiveKit agent: {agent.state}</span>
    </div>
  );
}

/**
 * A test call through a LiveKit room: joins with the room-scoped token, publishes the microphone,
 * plays the agent with RoomAudioRenderer, forwards Parley's SessionEvents to the live view and
 * sends typed text on lk.chat.
 */
export function LiveKitCall({ serverUrl, participantToken, onEvent, onChat }: LiveKitCallProps) {
  const session = useLiveKitCall(serverUrl, participantToken);
  const { room, isConnected } = session;

  useEffect(() => {
    const decoder = new TextDecoder();
    const onData = (payload: Uint8Array, _from: unknown, _kind: unknown, topic?: string) => {
      if (topic === PARLEY_EVENTS_TOPIC) onEvent(JSON.parse(decoder.decode(payload)) as SessionEvent);
    };
    room.on(RoomEvent.DataReceived, onData);
    room.registerTextStreamHandler(PARLEY_EVENTS_TOPIC, async (reader) => {
      onEvent(JSON.parse(await reader.readAll()) as SessionEvent);
    });
    return () => {
      room.off(RoomEvent.DataReceived, onData);
      room.unregisterTextStreamHandler(PARLEY_EVENTS_TOPIC);
    };
  }, [room, onEvent]);

  // The runtime turns lk.chat text into a user turn and echoes it as a typed transcript event on
  // parley.events, so the transcript shows it from the same event stream as everything else.
  useEffect(() => {
    if (!isConnected) return;
    onChat(async (text) => {
      await room.localParticipant.sendText(text, { topic: CHAT_TOPIC });
    });
    return () => onChat(null);
  }, [room, isConnected, onChat]);

  return (
    <SessionProvider session={session}>
      <AgentVoice />
      <RoomAudioRenderer />
      <StartAudio label="Allow audio playback" />
    </SessionProvider>
  );
}
