import type { SessionEvent } from '../../session/events';
import type { AgentSpeechSpan } from './turn-recording';

/** An end-of-turn decision the call really made. */
export interface RecordedDecision {
  decidedAt: number;
  delay: number;
  probability: number | null;
}

/** The end-of-turn decisions in a call's events, in order. */
export function recordedDecisions(events: readonly SessionEvent[]): RecordedDecision[] {
  const out: RecordedDecision[] = [];
  for (const event of events) {
    if (event.type === 'end_of_turn') {
      out.push({ decidedAt: event.t, delay: event.delay, probability: event.probability });
    }
  }
  return out;
}

/** What happened to one agent span: interrupted (and when), a false interruption, or nothing. */
export interface SpanOutcome {
  interruptedAt: number | null;
  falseInterruptions: number;
}

/** Slack (ms) for events emitted just after the span's last sound (a clear ends the span first). */
const spanSlackMs = 50;

/** The index of the span `t` falls in (or just after), or -1. */
export function spanAt(spans: readonly AgentSpeechSpan[], t: number): number {
  return spans.findIndex((span) => t >= span.startMs && t <= span.endMs + spanSlackMs);
}

/** The recorded interruptions and false interruptions of each agent span. */
export function recordedSpanOutcomes(
  events: readonly SessionEvent[],
  spans: readonly AgentSpeechSpan[],
): SpanOutcome[] {
  const outcomes = spans.map(() => ({ interruptedAt: null as number | null, falseInterruptions: 0 }));
  for (const event of events) {
    if (event.type !== 'interruption' && event.type !== 'false_interruption') continue;
    const outcome = outcomes[spanAt(spans, event.t)];
    if (!outcome) continue;
    if (event.type === 'interruption') outcome.interruptedAt ??= event.t;
    else outcome.falseInterruptions++;
  }
  return outcomes;
}

/** The start of the first agent span in [from, before), or null. */
export function agentStartBetween(spans: readonly AgentSpeechSpan[], from: number, before: number): number | null {
  const span = spans.find((s) => s.startMs >= from && s.startMs < before);
  return span ? span.startMs : null;
}
