/** A JSGF grammar of the expected phrases, and what had to be left out of it. */
export interface PhraseGrammar {
  /** JSGF source; null when no phrase survived. */
  jsgf: string | null;
  /** Normalised phrases the grammar accepts. */
  phrases: string[];
  /** Words the dictionary lacks; phrases using them are left out (pocketsphinx refuses them). */
  missingWords: string[];
}

/** Lowercases a phrase and keeps only words (letters, inner apostrophes), single-spaced. */
export function normalisePhrase(text: string): string {
  return (text.toLowerCase().match(/[\p{L}]+(?:'[\p{L}]+)*/gu) ?? []).join(' ');
}

/** Builds a one-rule JSGF grammar accepting exactly the phrases whose words are all in `dictionary`. */
export function buildPhraseGrammar(phrases: string[], dictionary: ReadonlySet<string>): PhraseGrammar {
  const kept = new Set<string>();
  const missing = new Set<string>();
  for (const phrase of phrases.map(normalisePhrase)) {
    if (!phrase) continue;
    const unknown = phrase.split(' ').filter((word) => !dictionary.has(word));
    for (const word of unknown) missing.add(word);
    if (unknown.length === 0) kept.add(phrase);
  }
  const accepted = [...kept];
  const jsgf =
    accepted.length > 0 ? `#JSGF V1.0;\ngrammar parley;\npublic <phrase> = ${accepted.join(' | ')};\n` : null;
  return { jsgf, phrases: accepted, missingWords: [...missing] };
}
