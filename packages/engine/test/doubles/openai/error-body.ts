import type { ScriptedError } from './script';

const DEFAULT_MESSAGES: Record<number, { message: string; type: string; code: string | null }> = {
  401: {
    message: 'Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys.',
    type: 'invalid_request_error',
    code: 'invalid_api_key',
  },
  429: { message: 'Rate limit reached for requests.', type: 'requests', code: 'rate_limit_exceeded' },
  500: {
    message: 'The server had an error while processing your request. Sorry about that!',
    type: 'server_error',
    code: null,
  },
};

/** OpenAI's error body: `{ error: { message, type, param, code } }`. */
export function openAiErrorBody(error: ScriptedError): { error: Record<string, unknown> } {
  const fallback = DEFAULT_MESSAGES[error.status] ?? {
    message: 'Request failed.',
    type: 'invalid_request_error',
    code: null,
  };
  return {
    error: {
      message: error.message ?? fallback.message,
      type: error.type ?? fallback.type,
      param: null,
      code: error.code === undefined ? fallback.code : error.code,
    },
  };
}

/** Headers of an error response (retry-after for scripted rate limits). */
export function errorHeaders(error: ScriptedError): Record<string, string> {
  return {
    'content-type': 'application/json',
    ...(error.retryAfterSeconds === undefined ? {} : { 'retry-after': String(error.retryAfterSeconds) }),
  };
}
