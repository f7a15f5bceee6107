'use client';

import type { FlowSpec } from '@parley/engine/flow';
import dynamic from 'next/dynamic';
import { useEffect, useState } from 'react';
import { flowsApi } from '@/src/api/flows-api';
import type { VersionSummary } from '@/src/api/types';
import { AgentStatus } from '../live/AgentStatus';
import { CallDetails } from '../live/CallDetails';
import { Keypad } from '../live/Keypad';
import { MessageBox } from '../live/MessageBox';
import { MuteAndHangUp } from './MuteAndHangUp';
import { PlaybackMeter } from './PlaybackMeter';
import type { TestCall } from './use-test-call';

const DRAFT = 'draft';

// LiveKit's client is large and only a LiveKit call needs it: loading it on demand keeps it off
// the builder's first load.
const LiveKitCall = dynamic(() => import('./LiveKitCall').then((m) => m.LiveKitCall), { ssr: false });

/** Start a call on the draft or a version, then follow it live: state, transcript, timeline, latency. */
export function CallPanel({
  spec,
  flowId,
  call,
  flush,
  record,
  onRecordChange,
}: {
  spec: FlowSpec;
  flowId: string;
  call: TestCall;
  /** Saves pending draft edits first, so the call runs what is on screen. */
  flush: () => Promise<boolean>;
  /** Record the next call's audio (for review and replay). */
  record: boolean;
  onRecordChange: (record: boolean) => void;
}) {
  const { phase, view } = call;
  const [versions, setVersions] = useState<VersionSummary[] | null>(null);
  const [choice, setChoice] = useState(DRAFT);
  const running = phase.kind === 'starting' || phase.kind === 'connecting' || phase.kind === 'live';

  useEffect(() => {
    void flowsApi.versions(flowId).then((result) => setVersions(result.ok ? result.data.versions : []));
  }, [flowId]);

  const agentName = (id: string | undefined) => spec.agents.find((a) => a.id === id)?.name ?? id ?? 'Agent';
  const start = async () => {
    if (choice === DRAFT && !(await flush())) return;
    await call.start(choice === DRAFT ? undefined : Number(choice));
  };
  const analysers = call.analysers();

  return (
    <div className="call-panel">
      <div className="call-controls">
        <label htmlFor="tester-version">Call</label>
        <select id="tester-version" value={choice} disabled={running} onChange={(e) => setChoice(e.target.value)}>
          <option value={DRAFT}>Draft</option>
          {versions
            ?.filter((v) => v.kind === 'published')
            .map((v) => (
              <option key={v.id} value={v.number}>
                Version {v.number}
                {v.live ? ' (live)' : ''}
              </option>
            ))}
        </select>
        <label className="record-toggle">
          <input
            type="checkbox"
            checked={record}
            disabled={running}
            onChange={(e) => onRecordChange(e.target.checked)}
          />
          Record
        </label>
        {!running ? (
          <button type="button" className="primary" onClick={() => void start()}>
            Start call
          </button>
        ) : (
          <MuteAndHangUp call={call} hangUpLabel="Hang up" />
        )}
      </div>

      {phase.kind === 'starting' && <p className="hint">Starting the call…</p>}
      {phase.kind === 'connecting' && <p className="hint">Connecting to the runtime…</p>}
      {phase.kind === 'failed' && (
        <div className="tester-problem" role="alert">
          <strong>{phase.problem.title}</strong>
          <p>{phase.problem.detail}</p>
        </div>
      )}
      {phase.kind === 'ended' && (
        <p className="hint" role="status">
          Call ended{view.endReason ? ` (${view.endReason})` : ''}. It is in the call history.
        </p>
      )}
      {phase.kind === 'idle' && (
        <p className="hint tester-empty">
          Start a call to talk to the {choice === DRAFT ? 'draft' : `version ${choice}`} with your microphone; you can
          also type.
        </p>
      )}

      {phase.kind !== 'idle' && phase.kind !== 'starting' && phase.call?.mode === 'livekit' && running && (
        <LiveKitCall
          key={phase.call.participantToken}
          serverUrl={phase.call.serverUrl}
          participantToken={phase.call.participantToken}
          onEvent={call.receive}
          onChat={call.attachChat}
        />
      )}
      {/* A call that never started has no agent to show: only the problem above. */}
      {phase.kind !== 'idle' && !(phase.kind === 'failed' && phase.call === null) && (
        <>
          <AgentStatus
            state={view.agentState}
            over={!running}
            agentName={view.activeAgentId ? agentName(view.activeAgentId) : null}
            agent={running ? analysers.agent : null}
            caller={running ? analysers.caller : null}
          />
          <PlaybackMeter stats={call.stats} firstAudioMs={call.firstAudioMs} />
          <MessageBox onSend={call.sendText} disabled={!call.canType} />
          {call.canPress && <Keypad onPress={call.sendDtmf} />}
          <CallDetails view={view} agentName={agentName} transcriptEmpty="Say something, or type below." />
        </>
      )}
    </div>
  );
}
