import { resolveParleySecret } from '@parley/calls';
import { resolveSecretsKey } from '@parley/db/secret-key';
import { callsConfig } from './calls-config';

/**
 * What the web app cannot serve calls or secrets without, checked once at start-up so a missing
 * setting stops the server with its name rather than failing the first test call.
 */
export function startupProblems(env: Readonly<Record<string, string | undefined>> = process.env): string[] {
  const problems: string[] = [];
  const check = (work: () => unknown) => {
    try {
      work();
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
    }
  };
  check(() => resolveParleySecret(env));
  check(() => resolveSecretsKey(env));
  check(() => callsConfig(env));
  return problems;
}

/** Stops the server at start-up, naming each missing or wrong setting, when there is any. */
export function stopOnStartupProblems(): void {
  const problems = startupProblems();
  if (problems.length === 0) return;
  for (const problem of problems) console.error(`[parley] cannot start: ${problem}`);
  process.exit(1);
}
