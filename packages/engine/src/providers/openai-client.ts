import type OpenAI from 'openai';
import type { ProviderErrorContext } from './http-errors';

/** Settings every OpenAI-compatible client (LLM, STT, TTS) shares. */
export interface OpenAiEndpoint {
  apiKey: string;
  /** Any OpenAI-compatible server (Ollama, vLLM, Groq, LM Studio); defaults to api.openai.com. */
  baseUrl?: string;
  timeoutMs?: number;
  /** How requests are sent; custom base URLs get the address-guarded fetch. */
  fetch?: typeof fetch;
}

export const OPENAI_DEFAULT_BASE_URL = 'https://api.openai.com/v1';
export const OPENAI_DEFAULT_TIMEOUT_MS = 15000;

/**
 * The SDK client for an endpoint: no SDK retries (the session retries once), no SDK logging.
 * The SDK is imported when a provider is created (session start), not at boot: loading it costs
 * a call process ~0.3 s of CPU, and calls on offline providers never need it.
 */
export function openAiSdkClient(endpoint: OpenAiEndpoint): () => Promise<OpenAI> {
  const client: Promise<OpenAI> = import('openai').then(
    ({ default: OpenAI }) =>
      new OpenAI({
        apiKey: endpoint.apiKey,
        baseURL: endpoint.baseUrl ?? OPENAI_DEFAULT_BASE_URL,
        maxRetries: 0,
        timeout: endpoint.timeoutMs ?? OPENAI_DEFAULT_TIMEOUT_MS,
        logLevel: 'off',
        ...(endpoint.fetch ? { fetch: endpoint.fetch } : {}),
      }),
  );
  return () => client;
}

/** How errors from an OpenAI-compatible endpoint are worded; the key is listed so it is redacted. */
export function openAiErrorContext(endpoint: OpenAiEndpoint): ProviderErrorContext {
  return { provider: 'openai', label: 'OpenAI', keyEnv: 'OPENAI_API_KEY', secrets: [endpoint.apiKey] };
}
