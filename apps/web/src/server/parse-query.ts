import type { z } from 'zod';
import { ApiError } from './api-error';

/**
 * Checks a request's query parameters against a zod object schema; 400 `invalid_request` names
 * each bad parameter. Empty parameters count as absent (an HTML form sends its blank fields).
 */
export function parseQuery<S extends z.ZodType>(schema: S, url: string): z.output<S> {
  const params: Record<string, string> = {};
  for (const [name, value] of new URL(url).searchParams) if (value !== '') params[name] = value;
  const result = schema.safeParse(params);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => {
    // An unknown parameter is reported at the top level, with its name in `keys`.
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
    return { path: [...issue.path.map(String), ...keys].join('.'), message: issue.message };
  });
  const summary = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
  throw new ApiError(400, 'invalid_request', `Bad query parameter: ${summary}`, { issues });
}
