import { describe, expect, it } from 'vitest';
import { turnHandlingDefaults } from '../../src/flow/defaults';
import type { ChatMessage } from '../../src/providers/llm/types';
import {
  builtinEndOfTurnProbability,
  builtinSupportsLanguage,
  currentUserText,
} from '../../src/providers/turn/builtin-text';
import { createEndOfTurnDetector } from '../../src/providers/turn/detector';

function said(text: string, assistant = 'How can I help you today?'): ChatMessage[] {
  return [
    { role: 'system', content: 'You are a receptionist.' },
    { role: 'assistant', content: assistant },
    { role: 'user', content: text },
  ];
}

const p = (text: string, language = 'en', assistant?: string) =>
  builtinEndOfTurnProbability(said(text, assistant), language);

describe('built-in text end-of-turn scorer', () => {
  it('scores complete sentences and questions high', () => {
    for (const text of [
      "I'd like to book a table for two.",
      'What time do you open?',
      'I would like to book a table for two',
      'Yes',
      'No thanks.',
      'I think so.',
    ]) {
      expect(p(text), text).toBeGreaterThan(0.7);
    }
  });

  it('scores trailing conjunctions, prepositions, fillers and unfinished phrases low', () => {
    for (const text of [
      'I want to book a table and',
      'I want to book a table because',
      'I need a table for',
      'I would like to talk to the',
      'so um',
      'I was thinking, you know',
      'my name is',
      'Hi, my name is',
      'can you',
      'I want to',
      'Let me check,',
      'I was going to say...',
    ]) {
      expect(p(text), text).toBeLessThan(0.3);
    }
  });

  it('treats a bare fragment as unfinished unless it answers a question', () => {
    expect(p('Tomorrow', 'en', 'Sure.')).toBeLessThan(0.5);
    expect(p('Tomorrow', 'en', 'When would you like to come?')).toBeGreaterThan(0.5);
  });

  it('lets terminal punctuation raise and a trailing comma lower the probability', () => {
    expect(p('I want a table.')).toBeGreaterThan(p('I want a table'));
    expect(p('I want a table,')).toBeLessThan(p('I want a table'));
  });

  it('uses the word lists of the language', () => {
    expect(p('Je voudrais une table et', 'fr')).toBeLessThan(0.3);
    expect(p('Je voudrais une table pour deux.', 'fr-FR')).toBeGreaterThan(0.7);
    expect(p('Quiero una mesa para', 'es')).toBeLessThan(0.3);
    expect(p('Ich möchte einen Tisch und', 'de')).toBeLessThan(0.3);
    // English rules do not apply to French: "and" is just a word there.
    expect(p('I want a table and', 'fr')).toBeGreaterThan(p('I want a table and', 'en'));
    expect(builtinSupportsLanguage('es-MX')).toBe(true);
    expect(builtinSupportsLanguage('ja')).toBe(false);
    expect(builtinSupportsLanguage('constructor')).toBe(false);
    expect(p('I want a table and', 'constructor')).toBeGreaterThan(0.5);
  });

  it('reads the whole current user turn, after the agent last spoke', () => {
    const chat: ChatMessage[] = [
      { role: 'user', content: 'earlier' },
      { role: 'assistant', content: 'Yes?' },
      { role: 'user', content: 'I want to book' },
      { role: 'user', content: 'a table and' },
    ];
    expect(currentUserText(chat)).toBe('I want to book a table and');
    expect(builtinEndOfTurnProbability(chat, 'en')).toBeLessThan(0.3);
  });

  it('is behind the detector interface, with per-language thresholds', async () => {
    const detector = await createEndOfTurnDetector({
      ...turnHandlingDefaults.turnModel,
      kind: 'builtin',
      thresholds: { en: 0.5, fr: 0.9 },
    });
    expect(detector.needsAudio).toBe(false);
    expect(detector.threshold('en-GB')).toBe(0.5);
    expect(detector.threshold('fr')).toBe(0.9);
    expect(detector.threshold('ja')).toBeUndefined();
    const complete = await detector.predict({ chat: said('I want a table for two.'), language: 'en' });
    const unfinished = await detector.predict({ chat: said('I want a table for'), language: 'en' });
    expect(complete).toBeGreaterThanOrEqual(detector.threshold('en') as number);
    expect(unfinished).toBeLessThan(detector.threshold('en') as number);
    // The same sentence falls short of French's stricter threshold.
    const french = await detector.predict({ chat: said('Je voudrais une table'), language: 'fr' });
    expect(french).toBeLessThan(detector.threshold('fr') as number);
    await detector.close();
  });
});
