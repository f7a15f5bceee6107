'use client';

import type { FlowSpec } from '@parley/engine/flow';
import { useEffect, useMemo, useState } from 'react';
import { callsApi } from '@/src/api/calls-api';
import type { CallSummary } from '@/src/api/types';
import type { CallHighlight } from '../../highlight/call-highlight';
import { CallWebhooks } from '../../webhooks/CallWebhooks';
import { failedCallProblem } from '../call/call-problems';
import { CallDetails } from '../live/CallDetails';
import { callViewOf } from '../live/call-view';
import { highlightOf } from '../live/path-highlight';
import type { SessionEvent } from '../types';

type Loaded =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; call: CallSummary; events: SessionEvent[] };

/** A recorded call: its transcript, timeline and charts, and its path drawn on the canvas. */
export function CallReplay({
  callId,
  spec,
  onClose,
  onHighlight,
}: {
  callId: string;
  spec: FlowSpec;
  onClose: () => void;
  onHighlight: (highlight: CallHighlight | null) => void;
}) {
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  useEffect(() => {
    let current = true;
    setLoaded({ kind: 'loading' });
    void callsApi.getCall(callId).then((result) => {
      if (!current) return;
      setLoaded(result.ok ? { kind: 'ready', ...result.data } : { kind: 'error', message: result.error.message });
    });
    return () => {
      current = false;
    };
  }, [callId]);

  const view = useMemo(() => (loaded.kind === 'ready' ? callViewOf(loaded.events) : null), [loaded]);
  useEffect(() => {
    onHighlight(view ? highlightOf(view) : null);
  }, [view, onHighlight]);

  const agentName = (id: string | undefined) => spec.agents.find((a) => a.id === id)?.name ?? id ?? 'Agent';
  return (
    <section className="call-replay" aria-label="Call replay">
      <button type="button" onClick={onClose}>
        ← All calls
      </button>
      {loaded.kind === 'loading' && <p className="hint">Loading the call…</p>}
      {loaded.kind === 'error' && (
        <p className="tester-problem" role="alert">
          {loaded.message}
        </p>
      )}
      {loaded.kind === 'ready' && view && (
        <>
          <h3>
            Call on version {loaded.call.versionNumber}: {loaded.call.status}
          </h3>
          {loaded.call.failureReason && (
            <div className="tester-problem" role="alert">
              <strong>{failedCallProblem(loaded.call.failureReason).title}</strong>
              <p>{failedCallProblem(loaded.call.failureReason).detail}</p>
            </div>
          )}
          {loaded.call.recorded && (
            // The review needs the width of a page: two waveforms on one time axis and the replay lab.
            <a className="recording-link" href={`/calls/${encodeURIComponent(callId)}#recording`}>
              Review the recording: waveforms, events, replay with other turn settings
            </a>
          )}
          <CallDetails view={view} agentName={agentName} transcriptEmpty="Nothing was said in this call." />
          <CallWebhooks callId={callId} />
        </>
      )}
    </section>
  );
}
