import type { ChatMessage } from '../llm/types';
import { type BuiltinLanguageRules, builtinTurnRules } from './builtin-rules';
import { baseLanguage } from './thresholds';
import type { EndOfTurnContext, EndOfTurnModel } from './types';

/**
 * The built-in end-of-turn scorer: offline heuristics over the user's current turn.
 * Evidence is summed as log-odds and squashed with a sigmoid, so 0.5 (the default threshold)
 * separates "sounds finished" from "sounds like it goes on".
 */
const weights = {
  /** A plain statement with no other evidence leans towards finished. */
  base: 1,
  question: 2,
  terminal: 1.5,
  /** Trailing comma, colon, dash or ellipsis. */
  trailingPause: -2.5,
  completeEnding: 1.5,
  unfinishedPhrase: -4,
  filler: -3.5,
  conjunction: -3.5,
  needsObject: -3,
  /** One or two words that are no complete reply, unless they answer the agent's question. */
  fragment: -1.5,
};

const wordPattern = /[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/gu;

/** Whether the built-in scorer has word lists for a language. */
export function builtinSupportsLanguage(language: string): boolean {
  return rulesFor(language) !== undefined;
}

function rulesFor(language: string): BuiltinLanguageRules | undefined {
  const code = baseLanguage(language);
  return Object.hasOwn(builtinTurnRules, code) ? builtinTurnRules[code] : undefined;
}

/** The user's current turn: every user message after the agent last spoke, joined. */
export function currentUserText(chat: readonly ChatMessage[]): string {
  const parts: string[] = [];
  for (let i = chat.length - 1; i >= 0; i--) {
    const message = chat[i];
    if (!message || message.role === 'assistant') break;
    if (message.role === 'user') parts.unshift(message.content);
  }
  return parts.join(' ').trim();
}

/** Probability (0..1) that the user finished their turn, judged from the words alone. */
export function builtinEndOfTurnProbability(chat: readonly ChatMessage[], language: string): number {
  const text = currentUserText(chat).replace(/[’‘]/g, "'");
  const words = (text.toLowerCase().match(wordPattern) ?? []) as string[];
  // Nothing transcribed (a cough, a lost final): no evidence either way.
  if (words.length === 0) return 0.5;
  const rules = rulesFor(language);
  const ending = rules ? classifyEnding(words, rules) : 'plain';
  let logit = weights.base + punctuationEvidence(text) + (ending === 'plain' ? 0 : weights[ending]);
  if (words.length <= 2 && ending !== 'completeEnding' && !lastAgentMessageAsks(chat)) logit += weights.fragment;
  return 1 / (1 + Math.exp(-logit));
}

function punctuationEvidence(text: string): number {
  const end = text.trimEnd();
  if (end.endsWith('...') || end.endsWith('…') || /[,;:\-–—]$/.test(end)) return weights.trailingPause;
  if (end.endsWith('?')) return weights.question;
  if (/[.!。！]$/.test(end)) return weights.terminal;
  return 0;
}

type Ending = 'completeEnding' | 'unfinishedPhrase' | 'filler' | 'conjunction' | 'needsObject' | 'plain';

/** How the utterance ends; the first matching list wins, so "i think so" beats the trailing "so". */
function classifyEnding(words: readonly string[], rules: BuiltinLanguageRules): Ending {
  if (endsWithAny(words, rules.completeEndings)) return 'completeEnding';
  if (endsWithAny(words, rules.unfinishedPhrases)) return 'unfinishedPhrase';
  if (endsWithAny(words, rules.fillers)) return 'filler';
  if (endsWithAny(words, rules.conjunctions)) return 'conjunction';
  if (endsWithAny(words, rules.needsObject)) return 'needsObject';
  return 'plain';
}

function endsWithAny(words: readonly string[], phrases: readonly string[]): boolean {
  return phrases.some((phrase) => {
    const tail = phrase.split(' ');
    if (tail.length > words.length) return false;
    const start = words.length - tail.length;
    return tail.every((word, i) => words[start + i] === word);
  });
}

function lastAgentMessageAsks(chat: readonly ChatMessage[]): boolean {
  for (let i = chat.length - 1; i >= 0; i--) {
    const message = chat[i];
    if (message?.role === 'assistant') return message.content.trimEnd().endsWith('?');
  }
  return false;
}

/** The built-in scorer behind the EndOfTurnModel interface; it needs no files and runs in microseconds. */
export class BuiltinTextModel implements EndOfTurnModel {
  /** Scores the user's current turn. */
  async predict(context: EndOfTurnContext): Promise<number> {
    return builtinEndOfTurnProbability(context.chat, context.language);
  }

  /** Nothing to release. */
  async close(): Promise<void> {}
}
