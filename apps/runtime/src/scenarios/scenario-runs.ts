import { versions } from '@parley/db';
import { runScenarios, type ScenarioResult, scenarioJudge } from '@parley/engine';
import { workspaceSettings } from '../calls/load-call';
import type { OperatorKeys } from '../calls/operator-keys';
import type { Logger } from '../log';

/** Runs the scenarios of stored versions, one run at a time. */
export class ScenarioRuns {
  // One run at a time: scenarios share the runtime's process with call supervision, so they
  // queue rather than compete for the CPU live calls need.
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly operatorKeys: OperatorKeys,
    private readonly log: Logger,
  ) {}

  /** Runs version `flowVersionId`'s scenarios (all, or the given ids); NotFoundError when the version is missing. */
  run(flowVersionId: string, ids?: readonly string[]): Promise<ScenarioResult[]> {
    const run = this.queue.then(async () => {
      const version = await versions.getById(flowVersionId);
      const workspace = await workspaceSettings(version.flowId);
      const started = performance.now();
      const providerKeys = this.operatorKeys.for(workspace.workspaceId);
      const results = await runScenarios(version.spec, {
        secrets: workspace.secrets,
        providerKeys,
        webhooks: { allowList: workspace.webhookAllowList },
        judge: scenarioJudge(providerKeys),
        ...(ids ? { ids } : {}),
      });
      this.log.info('scenarios ran', {
        flowVersionId,
        scenarios: results.length,
        failed: results.filter((r) => r.status !== 'passed').length,
        ms: Math.round(performance.now() - started),
      });
      return results;
    });
    this.queue = run.catch(() => {});
    return run;
  }
}
