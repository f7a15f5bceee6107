import { runScenario, runSimulation, scenarioJudge } from '@parley/engine';
import { flowSpecSchema } from '@parley/engine/flow';
import type { ScenarioChildMessage, ScenarioJob, ScenarioParentMessage } from './scenario-ipc';

/*
 * Entry of a scenario run's own process (see ScenarioProcess): runs one job's scenarios one after
 * another, reporting each result as it ends, then exits. A scenario that spins (a huge reply, a
 * runaway provider) only burns this process's CPU-time allowance, never the runtime's event loop.
 */

function post(message: ScenarioChildMessage, then: () => void = () => {}): void {
  process.send?.(message, then);
}

async function run(job: ScenarioJob): Promise<void> {
  const spec = flowSpecSchema.parse(job.spec);
  const chosen = job.ids ? spec.scenarios.filter((s) => job.ids?.includes(s.id)) : spec.scenarios;
  const options = {
    secrets: job.secrets,
    providerKeys: job.providerKeys,
    webhooks: { allowList: job.webhookAllowList },
    judge: scenarioJudge(job.providerKeys),
  };
  for (const scenario of chosen) post({ type: 'result', result: await runScenario(job.spec, scenario, options) });
  // The same LLM that judges intents plays the simulated callers; without one their scripts speak.
  const simulations = (spec.simulations ?? []).filter((s) => job.simulationIds?.includes(s.id));
  for (const simulation of simulations) {
    post({ type: 'simulation', result: await runSimulation(job.spec, simulation, { ...options, llm: options.judge }) });
  }
  post({ type: 'done' }, () => process.exit(0));
}

process.on('disconnect', () => process.exit(1));
process.once('message', (message: ScenarioParentMessage) => {
  run(message.job).catch((error: unknown) => {
    process.stderr.write(`scenario process failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
});
post({ type: 'ready' });
