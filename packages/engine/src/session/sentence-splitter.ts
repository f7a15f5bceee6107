/** Words whose trailing period does not end a sentence. */
const abbreviations = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'sr',
  'jr',
  'st',
  'vs',
  'etc',
  'e.g',
  'i.e',
  'no',
  'approx',
  'inc',
  'ltd',
  'co',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'mt',
  'ft',
  'ave',
  'dept',
]);

const terminator = /[.!?…]+["')\]]*\s+/g;

/** Longest piece handed to TTS at once: text with no sentence end is cut (at a space when it can be). */
export const MAX_SENTENCE_CHARS = 400;
/** Most text one reply may send to TTS; the rest is dropped (a runaway LLM cannot talk for an hour). */
export const MAX_REPLY_CHARS = 4000;

/**
 * Cuts streamed LLM text into sentences as soon as each one is certainly complete, so TTS can
 * start on the first sentence while the LLM is still writing. A period after an abbreviation,
 * an initial or inside a number ("3.5") is not a boundary; a boundary also needs the next word
 * to have started and not be lowercase, so "e.g. this" stays whole.
 */
export class SentenceSplitter {
  private buffer = '';
  private budget = MAX_REPLY_CHARS;
  /** Whether text past MAX_REPLY_CHARS was dropped. */
  truncated = false;

  /** Adds a text delta; returns the sentences it completed, in order. */
  push(delta: string): string[] {
    if (this.truncated) return [];
    this.buffer += delta;
    const sentences: string[] = [];
    let start = 0;
    terminator.lastIndex = 0;
    for (let match = terminator.exec(this.buffer); match; match = terminator.exec(this.buffer)) {
      const end = match.index + match[0].length;
      const next = this.buffer[end];
      if (next === undefined) break; // the next word has not arrived: undecided
      if (!isBoundary(this.buffer.slice(start, match.index + 1), match[0], next)) continue;
      const sentence = this.buffer.slice(start, end).trim();
      if (sentence) sentences.push(sentence);
      start = end;
    }
    this.buffer = this.buffer.slice(start);
    return this.spend([...sentences, ...this.cutLong(MAX_SENTENCE_CHARS)]);
  }

  /** Ends the stream; returns whatever text is left as last sentences. */
  flush(): string[] {
    const pieces = this.cutLong(0);
    const rest = this.buffer.trim();
    this.buffer = '';
    return this.spend(rest ? [...pieces, rest] : pieces);
  }

  /** Keeps what fits in the reply's budget, cutting the sentence that crosses it. */
  private spend(sentences: string[]): string[] {
    const kept: string[] = [];
    for (const sentence of sentences) {
      if (this.truncated) break;
      if (sentence.length > this.budget) {
        this.truncated = true;
        this.buffer = '';
        const cut = sentence.slice(0, this.budget).trim();
        if (cut) kept.push(cut);
        break;
      }
      this.budget -= sentence.length;
      kept.push(sentence);
    }
    return kept;
  }

  /**
   * Cuts pieces of at most MAX_SENTENCE_CHARS off the buffer while it is longer than `keep`, so
   * one endless unpunctuated "sentence" can neither grow without bound nor reach TTS whole.
   */
  private cutLong(keep: number): string[] {
    const pieces: string[] = [];
    while (this.buffer.length > Math.max(keep, MAX_SENTENCE_CHARS)) {
      const space = this.buffer.lastIndexOf(' ', MAX_SENTENCE_CHARS);
      const cut = space > 0 ? space : MAX_SENTENCE_CHARS;
      const piece = this.buffer.slice(0, cut).trim();
      if (piece) pieces.push(piece);
      this.buffer = this.buffer.slice(cut);
    }
    return pieces;
  }
}

function isBoundary(textUpToPunctuation: string, punctuation: string, nextChar: string): boolean {
  if (/^[a-z]/.test(nextChar)) return false;
  if (!punctuation.startsWith('.') || punctuation.startsWith('..')) return true;
  const lastWord = /([A-Za-z][A-Za-z.]*)\.$/.exec(textUpToPunctuation)?.[1] ?? '';
  if (lastWord.length === 1) return false; // an initial: "J. Smith"
  return !abbreviations.has(lastWord.toLowerCase());
}
