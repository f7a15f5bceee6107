import { ApiError, errorResponse } from './api-error';
import { fromDbError } from './db-errors';

/**
 * Wraps a route handler so every failure leaves as the one error shape. Unexpected errors
 * become a bare 500; the log gets only the error's name and first line, because driver
 * messages can quote stored data (a webhook header value, for one).
 */
export function handle<C>(
  handler: (request: Request, context: C) => Promise<Response>,
): (request: Request, context: C) => Promise<Response> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      if (error instanceof ApiError) return errorResponse(error);
      const mapped = fromDbError(error);
      if (mapped) return errorResponse(mapped);
      const name = error instanceof Error ? error.name : typeof error;
      const firstLine = error instanceof Error ? (error.message.split('\n')[0] ?? '').slice(0, 200) : '';
      console.error(`[api] ${request.method} ${new URL(request.url).pathname} failed: ${name}: ${firstLine}`);
      return errorResponse(new ApiError(500, 'internal_error', 'Something went wrong on the server.'));
    }
  };
}
