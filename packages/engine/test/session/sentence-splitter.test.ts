import { describe, expect, it } from 'vitest';
import { MAX_REPLY_CHARS, MAX_SENTENCE_CHARS, SentenceSplitter } from '../../src/session/sentence-splitter';

function split(deltas: string[]): string[][] {
  const splitter = new SentenceSplitter();
  return [...deltas.map((d) => splitter.push(d)), splitter.flush()];
}

describe('SentenceSplitter', () => {
  it('emits a sentence once the next word has started', () => {
    expect(split(['Hello there. ', 'How ', 'are you?'])).toEqual([[], ['Hello there.'], [], ['How are you?']]);
  });

  it('keeps abbreviations, initials and decimals inside the sentence', () => {
    const out = split(['Dr. Smith paid 3.5 dollars to J. Doe, e.g. ', 'cash. Next one.']).flat();
    expect(out).toEqual(['Dr. Smith paid 3.5 dollars to J. Doe, e.g. cash.', 'Next one.']);
  });

  it('splits on ! and ? and keeps closing quotes', () => {
    expect(split(['Stop! "Really?" ', 'Yes.']).flat()).toEqual(['Stop!', '"Really?"', 'Yes.']);
  });
});

describe('SentenceSplitter bounds', () => {
  it('cuts text with no punctuation into pieces of at most MAX_SENTENCE_CHARS, at word boundaries', () => {
    const words = Array.from({ length: 300 }, (_, i) => `word${i}`).join(' ');
    const splitter = new SentenceSplitter();
    const pieces = [...splitter.push(words), ...splitter.flush()];
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
    expect(pieces.join(' ')).toBe(words);
  });

  it('cuts one endless word too', () => {
    const splitter = new SentenceSplitter();
    const pieces = [...splitter.push('x'.repeat(3000)), ...splitter.flush()];
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
    expect(pieces.join('')).toBe('x'.repeat(3000));
  });
});

describe('SentenceSplitter reply budget', () => {
  it('sends at most MAX_REPLY_CHARS of one reply to TTS and says it cut the rest', () => {
    const splitter = new SentenceSplitter();
    const sentence = 'This sentence is about fifty characters long, yes. ';
    const out: string[] = [];
    for (let i = 0; i < 400; i++) out.push(...splitter.push(sentence));
    out.push(...splitter.flush());
    const total = out.reduce((sum, s) => sum + s.length, 0);
    expect(total).toBeLessThanOrEqual(MAX_REPLY_CHARS);
    expect(total).toBeGreaterThan(MAX_REPLY_CHARS - sentence.length);
    expect(splitter.truncated).toBe(true);
  });
});
