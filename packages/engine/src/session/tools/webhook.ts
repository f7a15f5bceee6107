import type { WebhookToolPlan } from '../../flow/plan';
import { guardedRequest, type RequestGuard } from './guarded-request';
import { type ToolOutcome, toolError } from './tool-outcome';

const maxOutputChars = 4000;

/**
 * Calls the user's webhook: arguments as a query string for GET/DELETE, as a JSON body
 * otherwise, through the address guard (no private, loopback or metadata address unless the
 * workspace allow-listed it). Timeouts are wall time (this is real network I/O), and every
 * failure becomes a tool error the LLM can talk about, never a session failure. A tool with a
 * `mockResponse` answers with it and sends nothing.
 */
export async function callWebhook(
  tool: WebhookToolPlan,
  args: Record<string, unknown>,
  secrets: Readonly<Record<string, string>>,
  guard: RequestGuard,
  signal?: AbortSignal,
): Promise<ToolOutcome> {
  if (tool.mockResponse) return { output: JSON.stringify(tool.mockResponse).slice(0, maxOutputChars), isError: false };
  const headers: Record<string, string> = {};
  for (const header of tool.headers) {
    if ('value' in header) headers[header.name] = header.value;
    else {
      const secret = secrets[header.secret];
      if (secret === undefined) return toolError(`secret ${header.secret} is not set`);
      headers[header.name] = secret;
    }
  }
  const withBody = tool.method !== 'GET' && tool.method !== 'DELETE';
  let url: URL;
  try {
    url = new URL(tool.url);
  } catch {
    return toolError(`webhook failed: ${tool.name} has an invalid URL`);
  }
  if (!withBody) for (const [key, value] of Object.entries(args)) url.searchParams.set(key, String(value));
  if (withBody) headers['content-type'] ??= 'application/json';
  const timeout = AbortSignal.timeout(tool.timeoutMs);
  try {
    const response = await guardedRequest(
      tool.name,
      { url, method: tool.method, headers, ...(withBody ? { body: JSON.stringify(args) } : {}) },
      guard,
      signal ? AbortSignal.any([signal, timeout]) : timeout,
    );
    if (!response.ok) return toolError(response.reason);
    const text = response.body.slice(0, maxOutputChars);
    if (response.status < 200 || response.status > 299) {
      return toolError(`HTTP ${response.status}: ${text || response.statusText}`);
    }
    return { output: text, isError: false };
  } catch (error) {
    if (timeout.aborted) return toolError(`timed out after ${tool.timeoutMs} ms`);
    return toolError(error instanceof Error ? `request failed: ${error.message}` : 'request failed');
  }
}
