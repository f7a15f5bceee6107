import { describe, expect, it } from 'vitest';
import { SentenceSplitter } from '../../src/session/sentence-splitter';

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
