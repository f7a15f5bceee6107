import { flows, versions } from '@parley/db';
import type { ScenarioResult, SimulationResult } from '@parley/engine';
import { flowSpecSchema } from '@parley/engine/flow';
import { workspaceSettings } from '../calls/load-call';
import type { OperatorKeys } from '../calls/operator-keys';
import type { Logger } from '../log';
import { ScenarioRunLimit } from './run-rate-limit';
import type { ScenarioJob } from './scenario-ipc';
import { runScenarioProcess, type ScenarioLimits, type ScenarioProgress } from './scenario-process';

export interface ScenarioRunsOptions {
  /** The operator's provider keys, given to the workspaces allowed them. */
  operatorKeys: OperatorKeys;
  limits: ScenarioLimits;
  /** Scenario runs one workspace may start a minute. */
  runsPerMinute: number;
  log: Logger;
}

/**
 * Runs the scenarios of stored versions, each run in a process of its own under CPU and wall-time
 * limits (scenario-process.ts), one run at a time so they never take the CPU live calls need,
 * at most `runsPerMinute` per workspace.
 */
export class ScenarioRuns {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly limit: ScenarioRunLimit;

  constructor(private readonly options: ScenarioRunsOptions) {
    this.limit = new ScenarioRunLimit(options.runsPerMinute);
  }

  /**
   * Runs version `flowVersionId`'s scenarios (all, or the given ids) and the given simulations;
   * NotFoundError when the version is missing, ScenarioRunsLimited when its workspace is over its limit;
   * `onProgress` hears each test's result as it ends.
   */
  async run(
    flowVersionId: string,
    ids?: readonly string[],
    simulationIds?: readonly string[],
    onProgress?: (progress: ScenarioProgress) => void,
  ): Promise<{ results: ScenarioResult[]; simulations: SimulationResult[] }> {
    const version = await versions.getById(flowVersionId);
    this.limit.take((await flows.get(version.flowId)).workspaceId);
    const run = this.queue.then(async () => {
      const workspace = await workspaceSettings(version.flowId);
      const job: ScenarioJob = {
        spec: version.spec as ScenarioJob['spec'],
        ...(ids ? { ids } : {}),
        ...(simulationIds ? { simulationIds } : {}),
        secrets: workspace.secrets,
        providerKeys: this.options.operatorKeys.for(workspace.workspaceId),
        webhookAllowList: workspace.webhookAllowList,
      };
      const started = performance.now();
      const outcome = await runScenarioProcess(job, this.options.limits, onProgress);
      const results = withUnfinished(version.spec, ids, outcome.results, outcome.stopped);
      const simulations = unfinishedSimulations(version.spec, simulationIds, outcome.simulations, outcome.stopped);
      this.options.log.info('scenarios ran', {
        flowVersionId,
        scenarios: results.length,
        failed: results.filter((r) => r.status !== 'passed').length,
        simulations: simulations.length,
        stopped: outcome.stopped,
        ms: Math.round(performance.now() - started),
      });
      return { results, simulations };
    });
    this.queue = run.catch(() => {});
    return run;
  }
}

/** The results in the spec's order, every chosen scenario that did not finish marked `error` with why. */
function withUnfinished(
  spec: unknown,
  ids: readonly string[] | undefined,
  results: ScenarioResult[],
  stopped: string | null,
): ScenarioResult[] {
  const scenarios = flowSpecSchema.safeParse(spec).data?.scenarios ?? [];
  const chosen = ids ? scenarios.filter((s) => ids.includes(s.id)) : scenarios;
  return chosen.map(
    (scenario) =>
      results.find((r) => r.id === scenario.id) ?? {
        id: scenario.id,
        name: scenario.name,
        status: 'error',
        error: stopped ?? 'the scenario did not run',
        opening: [],
        steps: [],
        durationMs: 0,
      },
  );
}

/** The simulation results in the spec's order, every chosen one that did not finish marked `error`. */
function unfinishedSimulations(
  spec: unknown,
  ids: readonly string[] | undefined,
  results: SimulationResult[],
  stopped: string | null,
): SimulationResult[] {
  const chosen = (flowSpecSchema.safeParse(spec).data?.simulations ?? []).filter((s) => ids?.includes(s.id));
  return chosen.map(
    (simulation) =>
      results.find((r) => r.id === simulation.id) ?? {
        id: simulation.id,
        name: simulation.name,
        caller: 'scripted',
        k: simulation.k,
        passed: 0,
        passRate: 0,
        status: 'error',
        error: stopped ?? 'the simulation did not run',
        runs: [],
        durationMs: 0,
      },
  );
}
