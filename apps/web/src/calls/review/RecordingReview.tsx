'use client';

import { useEffect, useMemo, useRef, useState } from 'react';
import { ReplayPanel } from './ReplayPanel';
import { type LoadedRecording, loadRecording, recordingsApi } from './recordings-api';
import { timelineMarks } from './timeline-marks';
import { Waveform } from './Waveform';
import { stereoWav } from './wav-blob';
import './review.css';

type State = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; recording: LoadedRecording };

/**
 * A recorded call's review: both tracks (caller / agent) as waveforms on one time axis, the
 * session's events on a lane above them (click one to play from there), a player, deletion,
 * and the replay lab under it.
 */
export function RecordingReview({ callId, flowId, onDeleted }: { callId: string; flowId: string; onDeleted(): void }) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [position, setPosition] = useState(0);
  const [deleting, setDeleting] = useState(false);
  const audio = useRef<HTMLAudioElement>(null);

  useEffect(() => {
    let current = true;
    loadRecording(callId).then(
      (recording) => current && setState({ kind: 'ready', recording }),
      (error: unknown) =>
        current && setState({ kind: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, [callId]);

  const recording = state.kind === 'ready' ? state.recording : null;
  const source = useMemo(
    () =>
      recording ? URL.createObjectURL(stereoWav(recording.caller, recording.agent, recording.callerStartMs)) : null,
    [recording],
  );
  useEffect(() => () => void (source && URL.revokeObjectURL(source)), [source]);
  const marks = useMemo(() => (recording ? timelineMarks(recording.events, recording.spans) : []), [recording]);

  if (state.kind === 'loading') return <p className="muted">Loading the recording…</p>;
  if (state.kind === 'error') return <p role="alert">{state.message}</p>;
  const { caller, agent, callerStartMs } = state.recording;
  const durationMs = Math.max(1, (agent.length / 16000) * 1000, callerStartMs + (caller.length / 16000) * 1000);
  const seek = (ms: number) => {
    if (!audio.current) return;
    audio.current.currentTime = Math.max(0, ms / 1000);
    setPosition(ms);
  };
  const remove = async () => {
    if (!window.confirm('Delete this call’s recording? Both tracks go; the call’s events stay.')) return;
    setDeleting(true);
    const result = await recordingsApi.remove(callId);
    setDeleting(false);
    if (result.ok) onDeleted();
    else window.alert(result.error.message);
  };

  return (
    <div className="recording-review">
      <div className="review-toolbar">
        {/* biome-ignore lint/a11y/useMediaCaption: a call recording has no captions; its transcript is beside it */}
        <audio
          ref={audio}
          src={source ?? undefined}
          controls
          aria-label="Call recording"
          onTimeUpdate={(e) => setPosition(e.currentTarget.currentTime * 1000)}
        />
        <button type="button" className="secondary" onClick={remove} disabled={deleting}>
          Delete recording
        </button>
      </div>
      <div className="review-lanes">
        <ol className="review-events" aria-label="Call events">
          {marks.map((mark) => (
            <li
              key={`${mark.kind}-${mark.startMs}`}
              className={`review-mark mark-${mark.kind}`}
              style={{
                left: `${(mark.startMs / durationMs) * 100}%`,
                width: mark.endMs ? `${((mark.endMs - mark.startMs) / durationMs) * 100}%` : undefined,
              }}
            >
              <button
                type="button"
                title={mark.label}
                aria-label={`${mark.label} at ${(mark.startMs / 1000).toFixed(2)} s`}
                onClick={() => seek(mark.startMs)}
              />
            </li>
          ))}
        </ol>
        <Waveform
          label="Caller"
          className="track-caller"
          samples={caller}
          startMs={callerStartMs}
          durationMs={durationMs}
          positionMs={position}
        />
        <Waveform
          label="Agent"
          className="track-agent"
          samples={agent}
          startMs={0}
          durationMs={durationMs}
          positionMs={position}
        />
        <div className="review-axis" aria-hidden="true">
          <span>0 s</span>
          <span>{(durationMs / 2000).toFixed(1)} s</span>
          <span>{(durationMs / 1000).toFixed(1)} s</span>
        </div>
      </div>
      <ReplayPanel callId={callId} flowId={flowId} settings={state.recording.settings} onSeek={seek} />
    </div>
  );
}
