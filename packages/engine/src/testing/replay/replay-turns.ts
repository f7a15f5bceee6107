import { resolveTurnHandling } from '../../flow/resolve';
import type { TurnHandling, TurnHandlingOverrides } from '../../flow/settings';
import type { EndOfTurnDetector } from '../../providers/turn/types';
import type { SessionEvent } from '../../session/events';
import {
  agentStartBetween,
  type RecordedDecision,
  recordedDecisions,
  recordedSpanOutcomes,
  type SpanOutcome,
} from './recorded-turns';
import { runReplay } from './replay-run';
import { percentileOf, type TurnTotals, totalsOf } from './replay-totals';
import type { AgentSpeechSpan, TurnRecording } from './turn-recording';

export interface ReplayOptions {
  /** A caller speech start this soon (ms) after the agent starts (or between decision and start) is a cut-off. Default 500. */
  cutOffWindowMs?: number;
  /** End-of-turn detector for `model` turn detection; without one, model turns wait maxDelay (as a session without a detector). */
  detector?: EndOfTurnDetector | null;
  /** Language code passed to the detector (default `en`). */
  language?: string;
}

/** One side of a user turn: when the turn was decided and what followed. */
export interface TurnOutcome {
  decidedAt: number;
  delay: number;
  probability: number | null;
  /** When the agent starts (or, in a replay, would start) its reply; null if it never did. */
  agentStartAt: number | null;
  /** Speech end -> agent start (ms). */
  responseDelay: number | null;
  /** The caller went on speaking right after the agent took the turn. */
  cutOff: boolean;
}

/** One user turn, replayed beside what really happened (either side null when it had no such turn). */
export interface ReplayTurnRow {
  /** Real end of the caller's speech (the replay's VAD). */
  speechEndAt: number;
  replay: TurnOutcome | null;
  recorded: TurnOutcome | null;
}

/** One stretch of agent speech: whether the caller's speech interrupted it, replayed and recorded. */
export interface ReplayInterruptionRow extends AgentSpeechSpan {
  replay: SpanOutcome;
  recorded: SpanOutcome;
}

export interface ReplayResult {
  /** The settings the replay ran with. */
  settings: TurnHandling;
  turns: ReplayTurnRow[];
  interruptions: ReplayInterruptionRow[];
  totals: { replay: ReplayTotals; recorded: ReplayTotals };
  /** Caller audio replayed (ms). */
  audioMs: number;
}

export interface ReplayTotals extends TurnTotals {
  /** Interruptions the recording had that this side lacks (replay side only; 0 for the recording). */
  missedInterruptions: number;
}

/**
 * Replays a recorded call's turn-taking under other settings (overrides over the recording's
 * own): the session's VAD, turn detection, endpointing and interruption code re-run on the
 * recorded caller audio on a virtual clock, with the agent speaking when it did in the call.
 * No provider or LLM runs. The agent's reply is assumed to take as long after the decision as
 * it did in the call (the median when the call had no such turn).
 */
export async function replayTurns(
  recording: TurnRecording,
  overrides: TurnHandlingOverrides = {},
  options: ReplayOptions = {},
): Promise<ReplayResult> {
  const settings = resolveTurnHandling(recording.settings, overrides);
  const mode = settings.turnDetection;
  if (mode === 'manual' || mode === 'realtime_llm') {
    throw new Error(`replayTurns: turn detection "${mode}" cannot be replayed (use vad, stt or model)`);
  }
  const window = options.cutOffWindowMs ?? 500;
  const decisions = recordedDecisions(recording.events);
  const spans = recording.agentSpeech;
  const recordedStarts = answers(decisions, spans, recording.events);
  const pipelines = decisions.flatMap((d, i) => (recordedStarts[i] == null ? [] : [recordedStarts[i] - d.decidedAt]));
  const pipelineMs = percentileOf(pipelines, 0.5) ?? 0;

  const run = await runReplay({
    caller: recording.caller,
    callerStartMs: recording.callerStartMs,
    agentSpeech: spans,
    settings,
    pipelineMs,
    detector: options.detector ?? null,
    language: options.language ?? 'en',
  });

  // A turn's silence: the caller speech starts before it. Both sides' decisions in the same silence are the same turn.
  const silenceOf = (t: number) => run.speechStarts.filter((s) => s <= t).length;
  const cutOff = (decidedAt: number, agentStartAt: number | null) =>
    run.speechStarts.some((s) => s > decidedAt && s <= (agentStartAt ?? decidedAt) + window);
  const outcome = (d: RecordedDecision, agentStartAt: number | null, speechEndAt: number): TurnOutcome => ({
    decidedAt: d.decidedAt,
    delay: d.delay,
    probability: d.probability,
    agentStartAt,
    responseDelay: agentStartAt === null ? null : agentStartAt - speechEndAt,
    cutOff: cutOff(d.decidedAt, agentStartAt),
  });

  const unmatched = new Set(decisions.keys());
  const rows: ReplayTurnRow[] = run.turns.map((turn) => {
    const silence = silenceOf(turn.speechEndAt);
    const index = decisions.findIndex((d, i) => unmatched.has(i) && silenceOf(d.decidedAt - d.delay) === silence);
    const recorded = decisions[index];
    unmatched.delete(index);
    const recordedStart = recordedStarts[index] ?? null;
    // A turn the call had keeps its reply's timing (or its lack of a reply); a new one gets the median.
    const pipeline = !recorded ? pipelineMs : recordedStart === null ? null : recordedStart - recorded.decidedAt;
    const agentStartAt = pipeline === null ? null : turn.decidedAt + pipeline;
    return {
      speechEndAt: turn.speechEndAt,
      replay: {
        decidedAt: turn.decidedAt,
        delay: turn.delay,
        probability: turn.probability,
        agentStartAt,
        responseDelay: agentStartAt === null ? null : agentStartAt - turn.speechEndAt,
        cutOff: cutOff(turn.decidedAt, agentStartAt),
      },
      recorded: recorded ? outcome(recorded, recordedStart, turn.speechEndAt) : null,
    };
  });
  for (const i of unmatched) {
    const d = decisions[i] as RecordedDecision;
    const speechEndAt = run.speechEnds.filter((e) => e <= d.decidedAt).at(-1) ?? d.decidedAt - d.delay;
    rows.push({ speechEndAt, replay: null, recorded: outcome(d, recordedStarts[i] ?? null, speechEndAt) });
  }
  rows.sort((a, b) => a.speechEndAt - b.speechEndAt);

  const recordedOutcomes = recordedSpanOutcomes(recording.events, spans);
  const interruptions = spans.map((span, i) => ({
    ...span,
    replay: run.spans[i] as SpanOutcome,
    recorded: recordedOutcomes[i] as SpanOutcome,
  }));
  return {
    settings,
    turns: rows,
    interruptions,
    totals: {
      replay: sideTotals(rows, interruptions, 'replay'),
      recorded: sideTotals(rows, interruptions, 'recorded'),
    },
    audioMs: (recording.caller.length / 16000) * 1000,
  };
}

/**
 * When the agent began answering each recorded decision: the first agent speech after it and
 * before whatever came next (the next decision, caller speech, or typed text, which would have
 * prompted that speech instead); null when it did not answer.
 */
function answers(
  decisions: readonly RecordedDecision[],
  spans: readonly AgentSpeechSpan[],
  events: readonly SessionEvent[],
): (number | null)[] {
  const barriers = events
    .filter((e) => e.type === 'user_speech_started' || (e.type === 'transcript' && e.source === 'text'))
    .map((e) => e.t);
  return decisions.map((d, i) => {
    const next = Math.min(
      decisions[i + 1]?.decidedAt ?? Number.POSITIVE_INFINITY,
      ...barriers.filter((t) => t > d.decidedAt),
    );
    return agentStartBetween(spans, d.decidedAt, next);
  });
}

/** Totals of one side of a set of rows (one call, or many calls' rows together). */
export function sideTotals(
  rows: readonly ReplayTurnRow[],
  interruptions: readonly ReplayInterruptionRow[],
  side: 'replay' | 'recorded',
): ReplayTotals {
  const outcomes = rows.flatMap((row) => (row[side] ? [row[side]] : []));
  return {
    ...totalsOf({
      turns: outcomes.length,
      responseDelays: outcomes.flatMap((o) => (o.responseDelay === null ? [] : [o.responseDelay])),
      cutOffs: outcomes.filter((o) => o.cutOff).length,
      interruptions: interruptions.filter((row) => row[side].interruptedAt !== null).length,
      falseInterruptions: interruptions.reduce((n, row) => n + row[side].falseInterruptions, 0),
    }),
    missedInterruptions:
      side === 'replay'
        ? interruptions.filter((row) => row.recorded.interruptedAt !== null && row.replay.interruptedAt === null).length
        : 0,
  };
}

/** Totals across a set of replays (e.g. every recorded call of a flow). */
export function replaySetTotals(results: readonly ReplayResult[]): { replay: ReplayTotals; recorded: ReplayTotals } {
  const rows = results.flatMap((r) => r.turns);
  const interruptions = results.flatMap((r) => r.interruptions);
  return { replay: sideTotals(rows, interruptions, 'replay'), recorded: sideTotals(rows, interruptions, 'recorded') };
}
