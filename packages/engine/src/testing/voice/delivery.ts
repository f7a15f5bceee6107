/**
 * Delivery markup in a scenario line: how the simulated caller says it.
 *  - `[pause 900ms]`: silence inside the turn (the caller is not done; an answer here cuts them off);
 *  - `[barge-in 300ms]`: the line starts 300 ms after the agent starts its reply (talking over it);
 *  - `[noise -50dBFS]` or `[noise -50dBFS 2000ms]`: background noise under the whole line (or,
 *    in a line with no words, noise alone for that long);
 *  - `[filler um]`, or the shorthands `[um]`, `[uh]`, `[er]`, `[hmm]`: a spoken filler word.
 * Ellipses (`...`) are only punctuation.
 */

/** A piece of the line in order: words to speak or a marked pause. */
export type DeliverySegment = { kind: 'speech'; text: string; filler: boolean } | { kind: 'pause'; ms: number };

/** A parsed line. */
export interface Delivery {
  segments: DeliverySegment[];
  /** Start this long after the agent starts speaking; null: after the agent finished. */
  bargeInMs: number | null;
  /** Background noise level (RMS, dB relative to full scale); null: none. */
  noiseDbfs: number | null;
  /** Noise length when the line has no words. */
  noiseMs: number;
  /** What the caller says, markup removed (filler words kept): the typed form of the line. */
  text: string;
}

/** A line whose markup cannot be understood. */
export class DeliveryError extends Error {}

const defaultNoiseMs = 2000;
const shorthandFillers = new Set(['um', 'uh', 'er', 'hmm', 'erm']);

/** Parses a line's delivery markup; throws DeliveryError naming the markup it cannot read. */
export function parseDelivery(line: string): Delivery {
  const delivery: Delivery = { segments: [], bargeInMs: null, noiseDbfs: null, noiseMs: defaultNoiseMs, text: '' };
  let rest = line;
  for (const match of line.matchAll(/\[([^\]]*)\]/g)) {
    const before = rest.slice(0, rest.indexOf(match[0]));
    rest = rest.slice(before.length + match[0].length);
    pushSpeech(delivery, before, false);
    applyTag(delivery, (match[1] ?? '').trim().toLowerCase(), match[0]);
  }
  if (/[[\]]/.test(rest)) throw new DeliveryError(`unclosed delivery markup in "${line}"`);
  pushSpeech(delivery, rest, false);
  delivery.text = delivery.segments
    .flatMap((s) => (s.kind === 'speech' ? [s.text] : []))
    .join(' ')
    .trim();
  return delivery;
}

function applyTag(delivery: Delivery, tag: string, raw: string): void {
  const [name, ...args] = tag.split(/\s+/);
  if (name === 'pause') {
    delivery.segments.push({ kind: 'pause', ms: duration(args[0], raw) });
  } else if (name === 'barge-in' || name === 'bargein') {
    delivery.bargeInMs = duration(args[0], raw);
  } else if (name === 'noise') {
    const level = /^(-?\d+(?:\.\d+)?)\s*dbfs$/.exec(args[0] ?? '');
    if (!level || Number(level[1]) > 0)
      throw new DeliveryError(`${raw}: noise needs a level at or below 0 dBFS, e.g. [noise -50dBFS]`);
    delivery.noiseDbfs = Number(level[1]);
    if (args[1]) delivery.noiseMs = duration(args[1], raw);
  } else if (name === 'filler' && args.length > 0) {
    pushSpeech(delivery, args.join(' '), true);
  } else if (name && shorthandFillers.has(name) && args.length === 0) {
    pushSpeech(delivery, name, true);
  } else {
    throw new DeliveryError(
      `unknown delivery markup ${raw}: use [pause 900ms], [barge-in 300ms], [noise -50dBFS] or [filler um]`,
    );
  }
}

function duration(value: string | undefined, raw: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s)$/.exec(value ?? '');
  if (!match) throw new DeliveryError(`${raw}: expected a duration such as 900ms or 1.5s`);
  const ms = Number(match[1]) * (match[2] === 's' ? 1000 : 1);
  if (ms > 30_000) throw new DeliveryError(`${raw}: at most 30 s`);
  return Math.round(ms);
}

function pushSpeech(delivery: Delivery, text: string, filler: boolean): void {
  const words = text
    .replace(/\.{2,}|…/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (words && /[\p{L}\p{N}]/u.test(words)) delivery.segments.push({ kind: 'speech', text: words, filler });
}

/** The line as typed in text mode: markup removed. */
export function typedLine(line: string): string {
  const text = parseDelivery(line).text;
  return text === '' ? line : text;
}
