import type { SessionEvent } from '../../session/events';

/** A stretch of session time, in ms. */
export interface Span {
  from: number;
  to: number;
}

/** A check of what the caller would have felt, beyond the turn's expectations. */
export interface VoiceCheckResult {
  check: 'no_cut_off' | 'interruption_handled' | 'no_turn';
  status: 'passed' | 'failed';
  reason: string;
}

/** How one spoken turn went, in session time (ms since the call started): the turn-timing strip. */
export interface VoiceTurnReport {
  /** When the caller's line started and its last word ended (null: a line with no words). */
  startedAt: number;
  speechEndedAt: number | null;
  callerSpeech: Span[];
  /** Pauses the line marked as mid-turn. */
  pauses: Span[];
  agentSpeech: Span[];
  /** When the agent decided the caller had finished. */
  endOfTurns: number[];
  /** Last word of the caller -> the agent's first speech after it (null: the agent did not answer). */
  responseDelayMs: number | null;
  /** Answers given inside a marked pause. */
  cutOffs: { pause: Span; answeredAt: number }[];
  /** The barge-in this line made, and whether the agent stopped for it (null: no barge-in). */
  interruption: { at: number; detectedAt: number | null; truncated: boolean } | null;
  checks: VoiceCheckResult[];
}

/** What the runner knows about a spoken line. */
export interface SpokenLine {
  startedAt: number;
  callerSpeech: Span[];
  pauses: Span[];
  bargeIn: boolean;
}

/**
 * A marked pause counts as cut off when the agent decided the turn was over inside it, or before
 * the VAD could hear the caller resume (one Silero window plus its minimum speech length).
 */
const resumeHearingMs = 80;

/**
 * Judges a spoken line from the events of its turn (`turnEvents`; for a turn the next line barged
 * into, up to `until`, the barge-in's start); the call's events so far tell whether the agent was
 * speaking when the line began.
 */
export function voiceReport(
  line: SpokenLine,
  turnEvents: readonly SessionEvent[],
  callEvents: readonly SessionEvent[],
  until = Number.POSITIVE_INFINITY,
): VoiceTurnReport {
  const speechEndedAt = line.callerSpeech.at(-1)?.to ?? null;
  const end = Math.min(until, turnEvents.at(-1)?.t ?? until);
  const agentSpeech = agentSpans(callEvents).filter((s) => s.to > line.startedAt && s.from <= end);
  const events = turnEvents.filter((e) => e.t >= line.startedAt && e.t < until);
  const endOfTurns = events.filter((e) => e.type === 'end_of_turn').map((e) => e.t);
  const cutOffs = line.pauses.flatMap((pause) => {
    const answeredAt = endOfTurns.find((t) => t >= pause.from && t <= pause.to + resumeHearingMs);
    return answeredAt === undefined ? [] : [{ pause, answeredAt }];
  });
  const answer = speechEndedAt === null ? undefined : agentSpeech.find((s) => s.from >= speechEndedAt);
  const report: VoiceTurnReport = {
    startedAt: line.startedAt,
    speechEndedAt,
    callerSpeech: line.callerSpeech,
    pauses: line.pauses,
    agentSpeech,
    endOfTurns,
    responseDelayMs: answer && speechEndedAt !== null ? Math.round(answer.from - speechEndedAt) : null,
    cutOffs,
    interruption: null,
    checks: [],
  };
  if (line.pauses.length > 0) report.checks.push(cutOffCheck(cutOffs));
  if (line.bargeIn) {
    const at = line.callerSpeech[0]?.from ?? line.startedAt;
    const detected = events.find((e) => e.type === 'interruption' && e.t >= at);
    const truncated = events.some((e) => e.type === 'assistant_message' && e.interrupted && e.t >= at);
    report.interruption = { at, detectedAt: detected?.t ?? null, truncated };
    report.checks.push(interruptionCheck(report.interruption, agentSpeech));
  }
  if (line.callerSpeech.length === 0) report.checks.push(noTurnCheck(events));
  return report;
}

function cutOffCheck(cutOffs: VoiceTurnReport['cutOffs']): VoiceCheckResult {
  const first = cutOffs[0];
  if (!first) return { check: 'no_cut_off', status: 'passed', reason: 'the agent waited through every marked pause' };
  const into = Math.round(first.answeredAt - first.pause.from);
  return {
    check: 'no_cut_off',
    status: 'failed',
    reason: `the agent took the turn ${into} ms into a ${Math.round(first.pause.to - first.pause.from)} ms pause, cutting the caller off`,
  };
}

function interruptionCheck(
  interruption: NonNullable<VoiceTurnReport['interruption']>,
  agentSpeech: Span[],
): VoiceCheckResult {
  if (interruption.detectedAt !== null && interruption.truncated) {
    const after = Math.round(interruption.detectedAt - interruption.at);
    return {
      check: 'interruption_handled',
      status: 'passed',
      reason: `the agent stopped ${after} ms after the caller started talking over it`,
    };
  }
  const talking = agentSpeech.some((s) => s.from <= interruption.at && s.to > interruption.at);
  return {
    check: 'interruption_handled',
    status: 'failed',
    reason: talking
      ? 'the caller talked over the agent, but it kept speaking (interruption missed)'
      : 'the agent was not speaking when the caller barged in',
  };
}

function noTurnCheck(events: readonly SessionEvent[]): VoiceCheckResult {
  const turn = events.find((e) => e.type === 'end_of_turn');
  if (!turn) return { check: 'no_turn', status: 'passed', reason: 'the agent took no turn on a line with no words' };
  return {
    check: 'no_turn',
    status: 'failed',
    reason: `the agent took a turn at ${Math.round(turn.t)} ms although the caller said nothing`,
  };
}

/** When the agent was speaking, from its state changes. */
function agentSpans(events: readonly SessionEvent[]): Span[] {
  const spans: Span[] = [];
  let open: number | null = null;
  for (const event of events) {
    if (event.type === 'agent_state') {
      if (event.state === 'speaking' && open === null) open = event.t;
      else if (event.state !== 'speaking' && open !== null) {
        spans.push({ from: open, to: event.t });
        open = null;
      }
    } else if (event.type === 'session_ended' && open !== null) {
      spans.push({ from: open, to: event.t });
      open = null;
    }
  }
  if (open !== null) spans.push({ from: open, to: events.at(-1)?.t ?? open });
  return spans;
}
