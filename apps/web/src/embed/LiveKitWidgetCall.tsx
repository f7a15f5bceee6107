'use client';

import {
  BarVisualizer,
  RoomAudioRenderer,
  SessionProvider,
  StartAudio,
  useAgent,
  useTranscriptions,
} from '@livekit/components-react';
import { useLiveKitCall } from '@/src/tester/call/use-livekit-call';

/** The agent's state and voice, and both sides' words from LiveKit's transcription streams. */
function AgentView({ title, callerIdentity }: { title: string; callerIdentity: string }) {
  const agent = useAgent();
  const lines = useTranscriptions();
  return (
    <>
      <div className="embed-agent" data-state={agent.state}>
        <BarVisualizer state={agent.state} track={agent.microphoneTrack} barCount={7} className="embed-bars" />
        <span className="hint">{agent.state}</span>
      </div>
      <ol className="transcript" aria-label="Transcript" aria-live="polite">
        {lines.map((line) => {
          const caller = line.participantInfo.identity === callerIdentity;
          return (
            <li key={line.streamInfo.id} className={`transcript-line ${caller ? 'user' : 'agent'} final`}>
              <span className="who">{caller ? 'You' : title}</span>
              <span className="what">{line.text}</span>
            </li>
          );
        })}
      </ol>
    </>
  );
}

/**
 * The widget's call in a LiveKit room, with LiveKit's standard agent pieces: the room-scoped token
 * from the session API, the microphone published, the agent played and visualised.
 */
export function LiveKitWidgetCall({
  serverUrl,
  participantToken,
  participantIdentity,
  title,
  onEnd,
}: {
  serverUrl: string;
  participantToken: string;
  participantIdentity: string;
  title: string;
  onEnd: () => void;
}) {
  const session = useLiveKitCall(serverUrl, participantToken);

  return (
    <SessionProvider session={session}>
      <div className="embed-controls">
        <button type="button" className="danger" onClick={onEnd}>
          End call
        </button>
      </div>
      <AgentView title={title} callerIdentity={participantIdentity} />
      <RoomAudioRenderer />
      <StartAudio label="Allow audio playback" />
    </SessionProvider>
  );
}
