import type { AgentState, SessionEvent, TurnMetrics } from '@parley/engine';

/** One line of the live transcript: interim until `final`. */
export interface TranscriptLine {
  key: string;
  role: 'user' | 'agent';
  text: string;
  final: boolean;
  /** The agent that spoke (agent lines). */
  agentId?: string;
  /** The agent was cut off; `text` is what was actually played. */
  interrupted?: boolean;
  /** Typed rather than spoken (user lines). */
  typed?: boolean;
  t: number;
}

/** One notable moment of the call, for the timeline. */
export interface TimelineEntry {
  key: string;
  t: number;
  kind:
    | 'tool_call'
    | 'tool_result'
    | 'handoff'
    | 'interruption'
    | 'false_interruption'
    | 'error'
    | 'variable'
    | 'ended';
  title: string;
  detail?: string;
  isError?: boolean;
}

/** A probability at a moment (ms since the call started). */
export interface ProbabilityPoint {
  t: number;
  p: number;
}

/** Everything the live view and the replay show, folded from the call's SessionEvents. */
export interface CallView {
  agentState: AgentState;
  activeAgentId: string | null;
  /** Handoff edges taken, in order. */
  path: string[];
  transcript: TranscriptLine[];
  timeline: TimelineEntry[];
  turns: TurnMetrics[];
  vad: ProbabilityPoint[];
  endOfTurn: ProbabilityPoint[];
  /** The end-of-turn threshold last reported. */
  threshold: number | null;
  endReason: string | null;
  /** Time of the latest event. */
  t: number;
}

/** The view before any event. */
export const emptyCallView: CallView = {
  agentState: 'initializing',
  activeAgentId: null,
  path: [],
  transcript: [],
  timeline: [],
  turns: [],
  vad: [],
  endOfTurn: [],
  threshold: null,
  endReason: null,
  t: 0,
};

/** Probability points kept per series: a few minutes of VAD at one point per 64 ms. */
const MAX_POINTS = 4000;

const appendPoint = (points: ProbabilityPoint[], point: ProbabilityPoint) =>
  points.length >= MAX_POINTS ? [...points.slice(points.length - MAX_POINTS + 1), point] : [...points, point];

function mark(view: CallView, entry: Omit<TimelineEntry, 'key'>): CallView {
  return { ...view, timeline: [...view.timeline, { ...entry, key: `${view.timeline.length}` }] };
}

function replaceLast(lines: TranscriptLine[], line: TranscriptLine): TranscriptLine[] {
  return [...lines.slice(0, -1), line];
}

function userTranscript(view: CallView, event: Extract<SessionEvent, { type: 'transcript' }>): CallView {
  const last = view.transcript.at(-1);
  const line: TranscriptLine = {
    key: `u${view.transcript.length}`,
    role: 'user',
    text: event.text,
    final: event.final,
    typed: event.source === 'text',
    t: event.t,
  };
  // An interim line is replaced by the next interim or final of the same utterance.
  if (last && last.role === 'user' && !last.final) {
    return { ...view, transcript: replaceLast(view.transcript, { ...line, key: last.key }) };
  }
  return { ...view, transcript: [...view.transcript, line] };
}

function agentText(view: CallView, speechId: string, update: (line: TranscriptLine | undefined) => TranscriptLine) {
  const index = view.transcript.findLastIndex((l) => l.key === speechId);
  if (index < 0) return { ...view, transcript: [...view.transcript, update(undefined)] };
  const transcript = [...view.transcript];
  transcript[index] = update(transcript[index]);
  return { ...view, transcript };
}

/** Folds one event into the view (pure: the view is derived from the events alone). */
export function foldCallView(view: CallView, event: SessionEvent): CallView {
  const next = { ...view, t: event.t };
  switch (event.type) {
    case 'session_started':
      return { ...next, activeAgentId: event.agentId };
    case 'agent_state':
      return { ...next, agentState: event.state };
    case 'vad':
      return { ...next, vad: appendPoint(next.vad, { t: event.t, p: event.probability }) };
    case 'turn_probability':
      return {
        ...next,
        threshold: event.threshold,
        endOfTurn: appendPoint(next.endOfTurn, { t: event.t, p: event.probability }),
      };
    case 'transcript':
      return userTranscript(next, event);
    case 'assistant_text_delta':
      return agentText(next, event.speechId, (line) => ({
        key: event.speechId,
        role: 'agent',
        agentId: event.agentId,
        text: (line?.text ?? '') + event.delta,
        final: false,
        t: line?.t ?? event.t,
      }));
    case 'assistant_message':
      return agentText(next, event.speechId, (line) => ({
        key: event.speechId,
        role: 'agent',
        agentId: event.agentId,
        text: event.text,
        final: true,
        interrupted: event.interrupted,
        t: line?.t ?? event.t,
      }));
    case 'tool_call':
      return mark(next, {
        t: event.t,
        kind: 'tool_call',
        title: `${event.agentId} called ${event.name}`,
        detail: JSON.stringify(event.arguments),
      });
    case 'tool_result':
      return mark(next, {
        t: event.t,
        kind: 'tool_result',
        title: `${event.name} ${event.isError ? 'failed' : 'returned'}`,
        detail: event.output,
        isError: event.isError,
      });
    case 'variable_set':
      return mark(next, { t: event.t, kind: 'variable', title: `${event.name} = ${JSON.stringify(event.value)}` });
    case 'handoff':
      return mark(
        { ...next, activeAgentId: event.to, path: [...next.path, event.edgeId] },
        { t: event.t, kind: 'handoff', title: `Handoff ${event.from} → ${event.to}`, detail: event.reason },
      );
    case 'interruption':
      return mark(next, {
        t: event.t,
        kind: 'interruption',
        title: 'Caller interrupted the agent',
        detail: `after ${Math.round(event.playedMs)} ms of speech`,
      });
    case 'false_interruption':
      return mark(next, {
        t: event.t,
        kind: 'false_interruption',
        title: 'False interruption',
        detail: event.resumed ? 'the agent resumed speaking' : 'the agent did not resume',
      });
    case 'metrics':
      return { ...next, turns: [...next.turns, event.metrics] };
    case 'error':
      return mark(next, {
        t: event.t,
        kind: 'error',
        title: `${event.source} error (${event.code})`,
        detail: `${event.message}${event.recoverable ? ' — the call went on' : ''}`,
        isError: true,
      });
    case 'session_ended':
      return mark(
        { ...next, endReason: event.reason },
        { t: event.t, kind: 'ended', title: `Call ended: ${event.reason}` },
      );
    default:
      return next;
  }
}

/** The view of a whole recorded call. */
export function callViewOf(events: readonly SessionEvent[]): CallView {
  return events.reduce(foldCallView, emptyCallView);
}
