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

/**
 * Cuts streamed LLM text into sentences as soon as each one is certainly complete, so TTS can
 * start on the first sentence while the LLM is still writing. A period after an abbreviation,
 * an initial or inside a number ("3.5") is not a boundary; a boundary also needs the next word
 * to have started and not be lowercase, so "e.g. this" stays whole.
 */
export class SentenceSplitter {
  private buffer = '';

  /** Adds a text delta; returns the sentences it completed, in order. */
  push(delta: string): string[] {
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
    return sentences;
  }

  /** Ends the stream; returns whatever text is left as a last sentence. */
  flush(): string[] {
    const rest = this.buffer.trim();
    this.buffer = '';
    return rest ? [rest] : [];
  }
}

function isBoundary(textUpToPunctuation: string, punctuation: string, nextChar: string): boolean {
  if (/^[a-z]/.test(nextChar)) return false;
  if (!punctuation.startsWith('.') || punctuation.startsWith('..')) return true;
  const lastWord = /([A-Za-z][A-Za-z.]*)\.$/.exec(textUpToPunctuation)?.[1] ?? '';
  if (lastWord.length === 1) return false; // an initial: "J. Smith"
  return !abbreviations.has(lastWord.toLowerCase());
}
