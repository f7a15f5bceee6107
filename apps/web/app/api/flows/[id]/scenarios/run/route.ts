import { authed } from '@/src/server/auth/api-auth';
import { admitScenarioRun } from '@/src/server/auth/call-limits';
import { callsConfig } from '@/src/server/calls-config';
import { versionForTest } from '@/src/server/calls-version';
import { parseBody } from '@/src/server/parse-body';
import { recordTestRun } from '@/src/server/publish-test-policy';
import { readJsonBody } from '@/src/server/read-json-body';
import { reply } from '@/src/server/reply';
import { runScenariosBody } from '@/src/server/request-schemas';
import { scenarioRunResponse } from '@/src/server/response-schemas';
import type { FlowRouteContext } from '@/src/server/route-context';
import { runScenariosOnRuntime } from '@/src/server/runtime-client';

/**
 * Runs the draft's scenarios (and the simulations asked for) on the runtime (the draft is
 * snapshotted first); 429 past 10 runs a minute.
 */
export const POST = authed(async (request, { params }: FlowRouteContext, { repos, session }) => {
  const { id } = await params;
  const { scenarioIds, simulationIds } = parseBody(runScenariosBody, await readJsonBody(request, { emptyAs: {} }));
  await repos.flows.get(id);
  await admitScenarioRun(session.workspace.id);
  const version = await versionForTest(repos, id);
  const run = await runScenariosOnRuntime(callsConfig(), version.id, scenarioIds, simulationIds);
  // A run of every test is stored per version: the versions list shows it, publishing may require it.
  const complete =
    run.results.length === version.spec.scenarios.length &&
    run.simulations.length === (version.spec.simulations?.length ?? 0);
  if (complete) await recordTestRun(version.id, run);
  return reply(scenarioRunResponse, { versionNumber: version.number, ...run });
});
