'use client';

import { useCallback } from 'react';
import { MuteAndHangUp } from '@/src/tester/call/MuteAndHangUp';
import { type CallStarter, type FailureLookup, useVoiceCall } from '@/src/tester/call/use-test-call';
import { AgentStatus } from '@/src/tester/live/AgentStatus';
import { Transcript } from '@/src/tester/live/Transcript';
import { startWidgetSession } from './embed-api';

// A widget visitor may not read call records: the runtime's own reason is what they get.
const noRecord: FailureLookup = async () => null;

/** The widget's call over the runtime's WebSocket (local mode): start, mute, hang up, transcript. */
export function LocalWidgetCall({
  flow,
  publishableKey,
  title,
}: {
  flow: string;
  publishableKey: string;
  title: string;
}) {
  const starter = useCallback<CallStarter>(async () => {
    const started = await startWidgetSession(flow, publishableKey);
    if (!started.ok) return started;
    if (started.data.mode !== 'local') {
      return {
        ok: false,
        status: started.status,
        error: { code: 'http_error', message: 'The server answered with a LiveKit room; reload the page.' },
      };
    }
    const { callId, versionNumber, url, token } = started.data;
    return { ok: true, status: started.status, data: { mode: 'local', callId, versionNumber, url, token } };
  }, [flow, publishableKey]);
  const call = useVoiceCall(starter, noRecord);
  const { phase, view } = call;
  const running = phase.kind === 'starting' || phase.kind === 'connecting' || phase.kind === 'live';
  const analysers = call.analysers();

  return (
    <>
      <div className="embed-controls">
        {!running ? (
          <button type="button" className="primary" onClick={() => void call.start()}>
            {phase.kind === 'idle' ? 'Start call' : 'Call again'}
          </button>
        ) : (
          <MuteAndHangUp call={call} hangUpLabel="End call" />
        )}
      </div>
      {phase.kind === 'failed' && (
        <div className="embed-problem" role="alert">
          <strong>{phase.problem.title}</strong>
          <p>{phase.problem.detail}</p>
        </div>
      )}
      {phase.kind === 'ended' && (
        <p className="hint" role="status">
          Call ended.
        </p>
      )}
      {phase.kind !== 'idle' && !(phase.kind === 'failed' && phase.call === null) && (
        <>
          <AgentStatus
            state={view.agentState}
            over={!running}
            agentName={title}
            agent={running ? analysers.agent : null}
            caller={running ? analysers.caller : null}
          />
          <Transcript lines={view.transcript} agentName={() => title} emptyText="Say hello." />
        </>
      )}
    </>
  );
}
