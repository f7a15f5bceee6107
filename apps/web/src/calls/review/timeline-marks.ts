import type { SessionEvent } from '@parley/engine';

/** One mark on the review's event lane: a point (or span) in session time with what it was. */
export interface TimelineMark {
  kind: 'speech' | 'turn' | 'agent' | 'interruption' | 'false-interruption' | 'handoff' | 'tool';
  startMs: number;
  endMs?: number;
  label: string;
}

/** The marks of a recording: caller speech (VAD), end-of-turn decisions, agent speech, interruptions, handoffs, tool calls. */
export function timelineMarks(
  events: readonly SessionEvent[],
  spans: { startMs: number; endMs: number }[],
): TimelineMark[] {
  const marks: TimelineMark[] = spans.map((s) => ({
    kind: 'agent',
    startMs: s.startMs,
    endMs: s.endMs,
    label: 'Agent speaking',
  }));
  let speechStart: number | null = null;
  for (const e of events) {
    if (e.type === 'user_speech_started') speechStart = e.t;
    else if (e.type === 'user_speech_stopped') {
      // The event comes once the VAD is sure: the speech itself ended speechDuration after it began.
      const start = speechStart ?? e.t - e.speechDuration;
      marks.push({
        kind: 'speech',
        startMs: start,
        endMs: Math.max(start, e.t),
        label: `Caller speech (${e.speechDuration} ms)`,
      });
      speechStart = null;
    } else if (e.type === 'end_of_turn') {
      const p = e.probability === null ? '' : `, p=${e.probability.toFixed(2)}`;
      marks.push({ kind: 'turn', startMs: e.t, label: `End of turn (${e.mode}, delay ${e.delay} ms${p})` });
    } else if (e.type === 'interruption') marks.push({ kind: 'interruption', startMs: e.t, label: 'Interruption' });
    else if (e.type === 'false_interruption')
      marks.push({ kind: 'false-interruption', startMs: e.t, label: 'False interruption (resumed)' });
    else if (e.type === 'handoff') marks.push({ kind: 'handoff', startMs: e.t, label: `Handoff ${e.from} → ${e.to}` });
    else if (e.type === 'tool_call') marks.push({ kind: 'tool', startMs: e.t, label: `Tool call ${e.name}` });
  }
  return marks.sort((a, b) => a.startMs - b.startMs);
}
