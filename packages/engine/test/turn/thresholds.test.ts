import { describe, expect, it } from 'vitest';
import { baseLanguage, endOfTurnVerdict, TurnThresholds } from '../../src/providers/turn/thresholds';

describe('per-language thresholds', () => {
  const thresholds = new TurnThresholds({ en: 0.5, fr: 0.7, 'pt-BR': 0.3 });

  it('looks up the exact code, then the base language, then English', () => {
    expect(thresholds.for('fr')).toBe(0.7);
    expect(thresholds.for('fr-CA')).toBe(0.7);
    expect(thresholds.for('pt-br')).toBe(0.3);
    expect(thresholds.for('pt-PT')).toBe(0.5);
    expect(thresholds.for('ja')).toBe(0.5);
    expect(new TurnThresholds({}).for('en')).toBe(0.5);
  });

  it('decides end of turn against the language threshold', () => {
    expect(thresholds.isEndOfTurn(0.6, 'en')).toBe(true);
    expect(thresholds.isEndOfTurn(0.6, 'fr-FR')).toBe(false);
    expect(thresholds.isEndOfTurn(0.7, 'fr')).toBe(true);
  });

  it('reduces codes to their base language', () => {
    expect(baseLanguage(' EN_us ')).toBe('en');
  });

  it('turns a prediction into a verdict, with no prediction meaning undetermined', () => {
    expect(endOfTurnVerdict(0.8, 0.5)).toBe(true);
    expect(endOfTurnVerdict(0.2, 0.5)).toBe(false);
    expect(endOfTurnVerdict(undefined, 0.5)).toBeUndefined();
    expect(endOfTurnVerdict(0.2, undefined)).toBe(true);
  });
});
