/** "endpointing.minDelay = 2500, vad.activationThreshold = 0.6": the leaves of an overrides object. */
export function describeOverrides(overrides: Record<string, unknown>, prefix = ''): string {
  return Object.entries(overrides)
    .flatMap(([name, value]) =>
      value && typeof value === 'object' && !Array.isArray(value)
        ? [describeOverrides(value as Record<string, unknown>, `${prefix}${name}.`)]
        : [`${prefix}${name} = ${JSON.stringify(value)}`],
    )
    .filter(Boolean)
    .join(', ');
}
