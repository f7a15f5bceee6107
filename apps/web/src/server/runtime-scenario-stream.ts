import { signScenarioRunToken } from '@parley/calls';
import type { ScenarioResult, SimulationResult } from '@parley/engine';
import { ApiError } from './api-error';
import type { CallsConfig } from './calls-config';

/** A test's result as the runtime streams it when it ends. */
export type RuntimeProgress =
  | { type: 'result'; result: ScenarioResult }
  | { type: 'simulation'; result: SimulationResult };

type RuntimeLine =
  | RuntimeProgress
  | { type: 'done'; results: ScenarioResult[]; simulations: SimulationResult[] }
  | { type: 'error'; error: string };

/**
 * Like runScenariosOnRuntime, but asks the runtime to stream: `onProgress` hears each test as it
 * ends; answers with the whole run, or throws ApiError (429 when the runtime limits the workspace).
 */
export async function streamScenariosOnRuntime(
  config: CallsConfig,
  flowVersionId: string,
  ids: { scenarioIds?: string[]; simulationIds?: string[] },
  onProgress: (progress: RuntimeProgress) => void,
): Promise<{ results: ScenarioResult[]; simulations: SimulationResult[] }> {
  let response: Response;
  try {
    response = await fetch(`${config.internalUrl}/scenarios/run`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/x-ndjson',
        authorization: `Bearer ${signScenarioRunToken(config.secret, flowVersionId)}`,
      },
      body: JSON.stringify({ flowVersionId, ...ids }),
      // Scenarios run one after another on the runtime; a long suite can take a while.
      signal: AbortSignal.timeout(120_000),
      cache: 'no-store',
    });
  } catch {
    throw new ApiError(503, 'runtime_unavailable', `The runtime at ${config.internalUrl} cannot be reached.`);
  }
  if (!response.ok || !response.body) {
    const body = (await response.json().catch(() => ({}))) as { error?: string };
    if (response.status === 429) throw new ApiError(429, 'rate_limited', `${body.error ?? 'Too many scenario runs'}.`);
    throw new ApiError(
      503,
      'runtime_unavailable',
      `The runtime could not run the scenarios: ${body.error ?? `HTTP ${response.status}`}.`,
    );
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    for (const part of parts.filter((p) => p.trim())) {
      const line = JSON.parse(part) as RuntimeLine;
      if (line.type === 'done') return { results: line.results, simulations: line.simulations };
      if (line.type === 'error') {
        throw new ApiError(503, 'runtime_unavailable', `The runtime could not run the scenarios: ${line.error}.`);
      }
      onProgress(line);
    }
  }
  throw new ApiError(503, 'runtime_unavailable', 'The runtime stopped before the run ended.');
}
