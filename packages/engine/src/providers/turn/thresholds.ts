/** Threshold used when neither the language nor English has one configured. */
export const defaultTurnThreshold = 0.5;

/** The primary subtag of a language code: 'en-US' and 'en_GB' become 'en'. */
export function baseLanguage(language: string): string {
  return language.trim().toLowerCase().split(/[-_]/)[0] ?? '';
}

/**
 * Per-language end-of-turn thresholds (settings.turnModel.thresholds).
 * Lookup order: the exact code, its base language, then 'en', then `defaultTurnThreshold`:
 * an unknown language is judged like English rather than refused.
 */
export class TurnThresholds {
  private readonly byLanguage: Map<string, number>;

  constructor(thresholds: Record<string, number>) {
    this.byLanguage = new Map(Object.entries(thresholds).map(([code, value]) => [code.toLowerCase(), value]));
  }

  /** The threshold that applies to a language. */
  for(language: string): number {
    const code = language.trim().toLowerCase();
    return (
      this.byLanguage.get(code) ??
      this.byLanguage.get(baseLanguage(code)) ??
      this.byLanguage.get('en') ??
      defaultTurnThreshold
    );
  }

  /** Whether a probability means the user finished their turn in that language. */
  isEndOfTurn(probability: number, language: string): boolean {
    return probability >= this.for(language);
  }
}

/**
 * The session's verdict, for Endpointing.delayFor: true = finished, false = goes on,
 * undefined = undetermined (no prediction in time). A detector that does not support the
 * language (threshold undefined) has no say, so the turn counts as finished, as with VAD alone.
 */
export function endOfTurnVerdict(probability: number | undefined, threshold: number | undefined): boolean | undefined {
  if (threshold === undefined) return true;
  if (probability === undefined) return undefined;
  return probability >= threshold;
}
