/**
 * The JSON paths tool-result branches route on: `$`, then `.key` or `["key"]` or `[index]` steps.
 * No wildcards or filters: a branch reads one value.
 */
export type JsonPath = (string | number)[];

const step = /^(?:\.([A-Za-z_$][\w$-]*)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\])/;

/** Parses `$.a.b[0]["c d"]` into its keys, or returns a message naming the bad part. */
export function parseJsonPath(source: string): { ok: true; path: JsonPath } | { ok: false; problem: string } {
  if (!source.startsWith('$')) return { ok: false, problem: 'must start with "$", e.g. $.status' };
  const path: JsonPath = [];
  let rest = source.slice(1);
  while (rest.length > 0) {
    const match = step.exec(rest);
    if (!match) return { ok: false, problem: `cannot read "${rest}"; use .key, ["key"] or [0] steps` };
    if (match[1] !== undefined) path.push(match[1]);
    else if (match[2] !== undefined) path.push(Number(match[2]));
    else path.push((match[3] ?? '').replace(/\\(.)/g, '$1'));
    rest = rest.slice(match[0].length);
  }
  return { ok: true, path };
}

/** The value at `path` in `value` (own keys only), or undefined. */
export function readJsonPath(value: unknown, path: JsonPath): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}
