/** A piece of synthesized speech: the text it says and where its audio sits in the utterance. */
export interface SpokenSegment {
  text: string;
  /** Which LLM round (assistant message) of the speech this text belongs to. */
  round: number;
  startMs: number;
  durationMs: number;
}

/**
 * Text the caller actually heard, per round, after `playedMs` of the utterance played:
 * whole segments before that point, plus the words of the segment being spoken, estimated
 * by assuming speech time is proportional to characters.
 */
export function playedTextByRound(segments: readonly SpokenSegment[], playedMs: number): Map<number, string> {
  const heard = new Map<number, string[]>();
  for (const segment of segments) {
    const part = playedPart(segment, playedMs);
    if (!part) continue;
    const list = heard.get(segment.round) ?? [];
    list.push(part);
    heard.set(segment.round, list);
  }
  return new Map([...heard].map(([round, parts]) => [round, parts.join(' ')]));
}

function playedPart(segment: SpokenSegment, playedMs: number): string {
  if (playedMs >= segment.startMs + segment.durationMs) return segment.text;
  if (playedMs <= segment.startMs || segment.durationMs <= 0) return '';
  const heardChars = ((playedMs - segment.startMs) / segment.durationMs) * segment.text.length;
  const words: string[] = [];
  for (const match of segment.text.matchAll(/\S+/g)) {
    if (match.index + match[0].length > heardChars) break;
    words.push(match[0]);
  }
  return words.join(' ');
}
