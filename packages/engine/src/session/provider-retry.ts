import { ProviderError } from '../providers/errors';

/** True for provider failures worth one more try (rate limits, 5xx, timeouts, dropped sockets). */
export function isRetryable(error: unknown): boolean {
  return error instanceof ProviderError && error.retryable;
}

/** The error event fields of a provider failure. */
export function describeProviderError(error: unknown): { code: string; message: string } {
  if (error instanceof ProviderError) return { code: error.kind, message: `${error.provider}: ${error.message}` };
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}

/** What the agent says when a provider failed and it cannot answer. */
export const apologyLine = "Sorry, I'm having trouble right now. Could you say that again?";
