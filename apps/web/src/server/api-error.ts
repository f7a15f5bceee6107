/** Every error code the API returns; clients branch on these, never on messages. */
export type ApiErrorCode =
  | 'malformed_json'
  | 'invalid_request'
  | 'invalid_flow_spec'
  | 'invalid_variables'
  | 'flow_has_errors'
  | 'not_found'
  | 'not_published'
  | 'revision_conflict'
  | 'payload_too_large'
  | 'runtime_unavailable'
  | 'livekit_unavailable'
  | 'unauthenticated'
  | 'invalid_credentials'
  | 'csrf_failed'
  | 'forbidden'
  | 'rate_limited'
  | 'too_many_calls'
  | 'setup_done'
  | 'setup_code_invalid'
  | 'email_taken'
  | 'slug_invalid'
  | 'slug_taken'
  | 'tests_required'
  | 'internal_error';

/** The one error body: `{ error: { code, message, issues?, ...details } }`. */
export interface ApiErrorBody {
  error: { code: ApiErrorCode; message: string; issues?: unknown[] } & Record<string, unknown>;
}

/** An error a route handler throws to answer with a given status and error body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly details: { issues?: unknown[] } & Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Renders an ApiError as the JSON response clients receive (with Retry-After when it says when). */
export function errorResponse(error: ApiError): Response {
  const body: ApiErrorBody = { error: { code: error.code, message: error.message, ...error.details } };
  const retryAfter = error.details.retryAfterSeconds;
  const headers = typeof retryAfter === 'number' ? { 'retry-after': String(retryAfter) } : undefined;
  return Response.json(body, { status: error.status, headers });
}
