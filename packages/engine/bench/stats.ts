/** The p-th percentile (0..100) of `values`, nearest-rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

/** Prints one benchmark's numbers as aligned lines. */
export function printResults(title: string, results: Record<string, number>): void {
  console.log(`\n== ${title}`);
  for (const [name, value] of Object.entries(results)) {
    console.log(`  ${name.padEnd(58)} ${Number.isInteger(value) ? value : value.toFixed(3)}`);
  }
}
