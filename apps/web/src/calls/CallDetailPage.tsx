'use client';

import type { FlowSpec } from '@parley/engine/flow';
import { useEffect, useMemo, useState } from 'react';
import { callsApi } from '@/src/api/calls-api';
import { flowsApi } from '@/src/api/flows-api';
import type { CallSummary } from '@/src/api/types';
import { failedCallProblem } from '@/src/tester/call/call-problems';
import { CallDetails } from '@/src/tester/live/CallDetails';
import { callViewOf } from '@/src/tester/live/call-view';
import '@/src/tester/tester.css';
import type { SessionEvent } from '@/src/tester/types';
import './calls.css';
import { CallFacts } from './CallFacts';
import { CallVariables } from './CallVariables';
import { RecordingReview } from './review/RecordingReview';

type Loaded =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; call: CallSummary; events: SessionEvent[] };

/** Back to the list the call was opened from (its filters are in that page's URL), else to all calls. */
function backToCalls(event: { preventDefault(): void }) {
  const from = document.referrer ? new URL(document.referrer) : null;
  if (from?.origin === window.location.origin && from.pathname === '/calls' && window.history.length > 1) {
    event.preventDefault();
    window.history.back();
  }
}

/**
 * One call of the workspace: what it was (source, caller, room, variables) and what happened in
 * it, with the tester's transcript, timeline, latency and speech views. The page is a stack of
 * sections; further sections (e.g. the post-call webhook's deliveries) go after the call's views.
 */
export function CallDetailPage({ callId }: { callId: string }) {
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [spec, setSpec] = useState<FlowSpec | null>(null);

  useEffect(() => {
    let current = true;
    void callsApi.getCall(callId).then(async (result) => {
      if (!current) return;
      if (!result.ok) {
        setLoaded({ kind: 'error', message: result.error.message });
        return;
      }
      setLoaded({ kind: 'ready', ...result.data });
      // The version's spec names the agents; the page still shows the call without it.
      const version = await flowsApi.version(result.data.call.flowId, result.data.call.versionNumber);
      if (current && version.ok) setSpec(version.data.version.spec);
    });
    return () => {
      current = false;
    };
  }, [callId]);

  const view = useMemo(() => (loaded.kind === 'ready' ? callViewOf(loaded.events) : null), [loaded]);
  const agentName = (id: string | undefined) => spec?.agents.find((a) => a.id === id)?.name ?? id ?? 'Agent';

  return (
    <div className="calls-page call-detail">
      <a href="/calls" className="back-link" onClick={backToCalls}>
        ← Calls
      </a>
      {loaded.kind === 'loading' && <p className="muted">Loading the call…</p>}
      {loaded.kind === 'error' && (
        <div className="calls-problem" role="alert">
          <strong>Could not load the call</strong>
          <p>{loaded.message}</p>
        </div>
      )}
      {loaded.kind === 'ready' && view && (
        <>
          <header className="call-detail-heading">
            <h1>
              {spec?.name ?? 'Call'} <span className="muted">v{loaded.call.versionNumber}</span>
            </h1>
            <span className={`call-status status-${loaded.call.status}`}>{loaded.call.status}</span>
            <a className="flow-link" href={`/flows/${encodeURIComponent(loaded.call.flowId)}`}>
              Open the flow
            </a>
          </header>
          {loaded.call.failureReason && (
            <div className="calls-problem" role="alert">
              <strong>{failedCallProblem(loaded.call.failureReason).title}</strong>
              <p>{failedCallProblem(loaded.call.failureReason).detail}</p>
            </div>
          )}
          <div className="call-detail-columns">
            <div className="call-detail-side">
              <CallFacts call={loaded.call} />
              <CallVariables variables={loaded.call.variables} />
            </div>
            <section className="call-section call-detail-main" aria-label="What happened">
              <CallDetails
                view={view}
                agentName={agentName}
                transcriptEmpty="Nothing was said in this call."
                userLabel={loaded.call.source === 'test' ? 'You' : 'Caller'}
              />
            </section>
          </div>
          {loaded.call.recorded && (
            <section id="recording" className="call-section call-recording" aria-label="Recording">
              <h2>Recording</h2>
              <RecordingReview
                callId={loaded.call.id}
                flowId={loaded.call.flowId}
                onDeleted={() => setLoaded({ ...loaded, call: { ...loaded.call, recorded: false } })}
              />
            </section>
          )}
        </>
      )}
    </div>
  );
}
