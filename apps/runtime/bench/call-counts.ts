/** The call counts a runtime benchmark runs at, unless its command line names others. */
export const DEFAULT_CALL_COUNTS = [1, 5, 10, 20];

/** Call counts from a benchmark's argument (`1,5,10`), else the defaults; exits 2 on anything else. */
export function callCountsArg(arg: string | undefined): number[] {
  const counts = arg?.split(',').map(Number) ?? DEFAULT_CALL_COUNTS;
  if (counts.some((n) => !Number.isInteger(n) || n < 1)) {
    console.error(`counts must be positive integers, e.g. 1,5,10,20 (got ${arg})`);
    process.exit(2);
  }
  return counts;
}
