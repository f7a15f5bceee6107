import { numberRange, type TurnHandlingOverrides, turnHandlingSchema, turnHandlingSettings } from '@parley/engine/flow';

/** Overrides to replay with, or a problem naming the field (`overrides.endpointing.minDelay: ...`). */
export function parseReplayOverrides(value: unknown): { overrides: TurnHandlingOverrides } | { problem: string } {
  const parsed = turnHandlingSchema.safeParse(value ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { problem: `overrides.${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}` };
  }
  for (const setting of turnHandlingSettings) {
    if (setting.value.type !== 'number' || setting.map) continue;
    const entry = setting.path
      .split('.')
      .reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], parsed.data);
    if (typeof entry !== 'number') continue;
    const { min, max } = numberRange(setting);
    if (entry < min || (max !== undefined && entry > max)) {
      return {
        problem: `overrides.${setting.path}: must be ${max === undefined ? `at least ${min}` : `between ${min} and ${max}`} ${setting.unit} (got ${entry})`,
      };
    }
  }
  return { overrides: parsed.data };
}
