import { signScenarioRunToken } from '@parley/calls';
import type { ScenarioResult, SimulationResult } from '@parley/engine';
import { ApiError } from './api-error';
import type { CallsConfig } from './calls-config';

async function reach(url: string, init: RequestInit, timeoutMs: number): Promise<Response> {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs), cache: 'no-store' });
  } catch {
    throw new ApiError(
      503,
      'runtime_unavailable',
      `The runtime at ${new URL(url).origin} cannot be reached. Start it (npm start runs it, or tsx apps/runtime/src/main.ts) or set RUNTIME_URL.`,
    );
  }
}

/** Fails with 503 `runtime_unavailable` unless the runtime answers /readyz with 200 (it takes calls). */
export async function requireRuntimeReady(config: CallsConfig): Promise<void> {
  const response = await reach(`${config.internalUrl}/readyz`, {}, 2000);
  if (response.ok) return;
  const body = (await response.json().catch(() => ({}))) as { reason?: string };
  throw new ApiError(
    503,
    'runtime_unavailable',
    `The runtime is not taking calls right now${body.reason ? `: ${body.reason}` : ''}. Try again shortly.`,
  );
}

/** Asks the runtime to run version `flowVersionId`'s scenarios; the token proves this server may. */
export async function runScenariosOnRuntime(
  config: CallsConfig,
  flowVersionId: string,
  scenarioIds?: string[],
  simulationIds?: string[],
): Promise<{ results: ScenarioResult[]; simulations: SimulationResult[] }> {
  const response = await reach(
    `${config.internalUrl}/scenarios/run`,
    {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${signScenarioRunToken(config.secret, flowVersionId)}`,
      },
      body: JSON.stringify({
        flowVersionId,
        ...(scenarioIds ? { scenarioIds } : {}),
        ...(simulationIds ? { simulationIds } : {}),
      }),
    },
    // Scenarios run one after another on the runtime; a long suite can take a while.
    120_000,
  );
  const body = (await response.json().catch(() => ({}))) as {
    results?: ScenarioResult[];
    simulations?: SimulationResult[];
    error?: string;
  };
  // The runtime limits scenario runs per workspace; its message says when to retry.
  if (response.status === 429) throw new ApiError(429, 'rate_limited', `${body.error ?? 'Too many scenario runs'}.`);
  if (!response.ok || !body.results) {
    throw new ApiError(
      503,
      'runtime_unavailable',
      `The runtime could not run the scenarios: ${body.error ?? `HTTP ${response.status}`}.`,
    );
  }
  return { results: body.results, simulations: body.simulations ?? [] };
}
