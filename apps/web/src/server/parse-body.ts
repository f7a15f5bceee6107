import type { z } from 'zod';
import { ApiError } from './api-error';

/** Checks a request body against a zod schema; 400 `invalid_request` lists each problem with its path. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  const summary = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
  throw new ApiError(400, 'invalid_request', `The request body is not what this endpoint expects: ${summary}`, {
    issues,
  });
}
