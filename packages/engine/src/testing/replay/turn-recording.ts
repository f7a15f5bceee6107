import type { TurnHandling } from '../../flow/settings';
import type { SessionEvent } from '../../session/events';
import type { PlaybackEntry } from '../recording-audio-output';

/** When the agent's audio was playing (session time, ms). */
export interface AgentSpeechSpan {
  startMs: number;
  endMs: number;
  /** False for a line spoken with allowInterruptions off (default true). */
  interruptible?: boolean;
}

/** A recorded call as replay needs it: the caller's audio, when the agent spoke, what happened. */
export interface TurnRecording {
  /** Caller audio exactly as the engine received it, 16 kHz mono. */
  caller: Int16Array;
  /** Session time (ms) of the first caller sample. */
  callerStartMs: number;
  /** The agent's audio as played, as spans of session time. */
  agentSpeech: readonly AgentSpeechSpan[];
  /** The call's session events: what really happened (empty for audio crafted without a call). */
  events: readonly SessionEvent[];
  /** The turn settings the call ran with. */
  settings: TurnHandling;
}

/** Gap (ms) between two played frames still counted as one stretch of speech. */
const joinGapMs = 1;

/** The spans in which a playback log (RecordingAudioOutput.log) was sounding. */
export function agentSpeechFromPlayback(log: readonly PlaybackEntry[]): AgentSpeechSpan[] {
  const spans: AgentSpeechSpan[] = [];
  let open: AgentSpeechSpan | null = null;
  for (const entry of log) {
    if (entry.type === 'frame') {
      const end = entry.t + entry.durationMs;
      if (open && entry.t <= open.endMs + joinGapMs) open.endMs = Math.max(open.endMs, end);
      else {
        open = { startMs: entry.t, endMs: end };
        spans.push(open);
      }
    } else if (entry.type !== 'resume' && open) {
      // A pause or clear cuts what was still to play of the frames logged so far.
      open.endMs = Math.min(open.endMs, entry.t);
      open = null;
    }
  }
  return spans.filter((span) => span.endMs > span.startMs);
}
