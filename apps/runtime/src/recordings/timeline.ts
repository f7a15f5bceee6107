import type { SessionEvent, TurnHandling } from '@parley/engine';

/** One line of a recording's timeline.jsonl; times are session time (ms), as in SessionEvents. */
export type TimelineLine =
  /** First line: the format, the tracks' rate and the turn settings the call started with. */
  | { kind: 'meta'; version: 1; rate: number; startedAt: string; settings: TurnHandling }
  /** Session time of the caller track's first sample (the agent track starts at session time 0). */
  | { kind: 'caller_start'; t: number }
  /** The agent's audio was playing from startMs to endMs. */
  | { kind: 'agent_speech'; startMs: number; endMs: number }
  | { kind: 'event'; event: SessionEvent };

/** Parses a timeline.jsonl; a last line cut short by a crash is skipped. */
export function parseTimeline(text: string): TimelineLine[] {
  const lines: TimelineLine[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      lines.push(JSON.parse(line) as TimelineLine);
    } catch {
      // a partial last line
    }
  }
  return lines;
}
