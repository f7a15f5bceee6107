'use client';

import dynamic from 'next/dynamic';
import { useState } from 'react';
import { startWidgetSession, type WidgetSession } from './embed-api';
import { LocalWidgetCall } from './LocalWidgetCall';
import '@/src/tester/tester.css';
import './embed.css';

// LiveKit's client is large and only LiveKit mode needs it.
const LiveKitWidgetCall = dynamic(() => import('./LiveKitWidgetCall').then((m) => m.LiveKitWidgetCall), {
  ssr: false,
});

type LiveKitSession = Extract<WidgetSession, { mode: 'livekit' }>;

/** The LiveKit-mode widget: start a session, then hand the room to LiveKit's components. */
function LiveKitWidget({ flow, publishableKey, title }: { flow: string; publishableKey: string; title: string }) {
  const [session, setSession] = useState<LiveKitSession | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const start = async () => {
    setProblem(null);
    const started = await startWidgetSession(flow, publishableKey);
    if (!started.ok) setProblem(started.error.message);
    else if (started.data.mode === 'livekit') setSession(started.data);
  };
  if (session) {
    return (
      <LiveKitWidgetCall
        key={session.participantToken}
        serverUrl={session.serverUrl}
        participantToken={session.participantToken}
        participantIdentity={session.participantIdentity}
        title={title}
        onEnd={() => setSession(null)}
      />
    );
  }
  return (
    <>
      <div className="embed-controls">
        <button type="button" className="primary" onClick={() => void start()}>
          Start call
        </button>
      </div>
      {problem && (
        <p className="embed-problem" role="alert">
          {problem}
        </p>
      )}
    </>
  );
}

/** A voice agent on a customer's site: one flow, one button, the agent's state and the transcript. */
export function EmbedWidget({
  flow,
  publishableKey,
  title,
  mode,
}: {
  flow: string;
  publishableKey: string;
  title: string;
  /** Whether this server runs calls through LiveKit or the runtime's WebSocket. */
  mode: 'livekit' | 'local';
}) {
  return (
    <section className="embed-widget" aria-label={`Talk to ${title}`}>
      <h1 className="embed-title">{title}</h1>
      {mode === 'livekit' ? (
        <LiveKitWidget flow={flow} publishableKey={publishableKey} title={title} />
      ) : (
        <LocalWidgetCall flow={flow} publishableKey={publishableKey} title={title} />
      )}
    </section>
  );
}
