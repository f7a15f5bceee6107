import { RE2JS } from 're2js';

/**
 * Regular expressions written by flow authors (script rules, scenario patterns) run on RE2JS,
 * a linear-time engine: no input can make a match backtrack for seconds and freeze a process.
 * The price is RE2's syntax: no backreferences or lookaround.
 */
export interface SafeRegex {
  /** The named groups of the first match in `text` (an empty object when there are none), or null. */
  exec(text: string): Record<string, string> | null;
  test(text: string): boolean;
}

/** A pattern that compiled, or why it cannot be used (a message that names the fix). */
export type SafeRegexResult = { ok: true; regex: SafeRegex } | { ok: false; problem: string };

const unsupported = /\\[1-9]|\\k<|\(\?<?[=!]/;

/** Compiles `source` case-insensitively for the linear-time engine. */
export function compileSafeRegex(source: string): SafeRegexResult {
  let pattern: RE2JS;
  try {
    pattern = RE2JS.compile(source, RE2JS.CASE_INSENSITIVE);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    if (unsupported.test(source)) {
      return {
        ok: false,
        problem: `uses a backreference or lookaround, which is not supported (patterns run on a linear-time engine so no input can stall a call); rewrite it without them (${detail})`,
      };
    }
    return { ok: false, problem: `is not a valid regular expression: ${detail}` };
  }
  const names = Object.keys(pattern.namedGroups());
  return {
    ok: true,
    regex: {
      test: (text) => pattern.matcher(text).find(),
      exec: (text) => {
        const matcher = pattern.matcher(text);
        if (!matcher.find()) return null;
        const groups: Record<string, string> = {};
        for (const name of names) {
          const value = matcher.group(name);
          if (value !== null && value !== undefined) groups[name] = value;
        }
        return groups;
      },
    },
  };
}
