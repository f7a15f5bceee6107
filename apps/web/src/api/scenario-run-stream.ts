import type { ScenarioResult, SimulationResult } from '@parley/engine';
import type { z } from 'zod';
import { csrfToken } from '@/src/auth/csrf-token';
import type { runScenariosBody } from '../server/request-schemas';
import type { ApiErrorInfo, ApiResult, ScenarioRun } from './types';

/** One line of POST /api/flows/:id/scenarios/run as NDJSON: a test that ended, then the whole run or why not. */
export type ScenarioRunLine =
  | { type: 'result'; result: ScenarioResult }
  | { type: 'simulation'; result: SimulationResult }
  | ({ type: 'done' } & ScenarioRun)
  | { type: 'error'; error: string };

/**
 * Runs the draft's tests and hands each line to `onLine` as it arrives; answers with the whole
 * run, or the error (a refusal before the run started keeps its HTTP status and code).
 */
export async function streamScenarioRun(
  flowId: string,
  body: z.input<typeof runScenariosBody>,
  onLine: (line: ScenarioRunLine) => void,
): Promise<ApiResult<ScenarioRun>> {
  let response: Response;
  try {
    response = await fetch(`/api/flows/${encodeURIComponent(flowId)}/scenarios/run`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/x-ndjson', 'x-csrf-token': csrfToken() },
      body: JSON.stringify(body),
    });
  } catch {
    return { ok: false, status: 0, error: { code: 'network_error', message: 'The server could not be reached.' } };
  }
  if (!response.ok || !response.body) {
    const error = ((await response.json().catch(() => undefined)) as { error?: ApiErrorInfo } | undefined)?.error;
    return {
      ok: false,
      status: response.status,
      error: error ?? { code: 'http_error', message: `The server answered HTTP ${response.status}.` },
    };
  }
  let last: ScenarioRunLine | null = null;
  for await (const line of lines(response.body)) {
    last = JSON.parse(line) as ScenarioRunLine;
    onLine(last);
  }
  if (last?.type === 'done') {
    const { type: _, ...run } = last;
    return { ok: true, status: 200, data: run };
  }
  const message = last?.type === 'error' ? last.error : 'The run ended without its results.';
  return { ok: false, status: 200, error: { code: 'runtime_unavailable', message } };
}

/** The stream's text split into non-empty lines as they complete. */
async function* lines(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    for (const part of parts) if (part.trim()) yield part;
  }
  if (buffer.trim()) yield buffer;
}
