import { ApiError } from '@/src/server/api-error';
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
import { streamScenariosOnRuntime } from '@/src/server/runtime-scenario-stream';

/**
 * Runs the draft's scenarios (and the simulations asked for) on the runtime (the draft is
 * snapshotted first); 429 past 10 runs a minute. With `Accept: application/x-ndjson` the answer
 * streams a line per test as it ends, then `{"type":"done",...}` with the whole run (or an error line).
 */
export const POST = authed(async (request, { params }: FlowRouteContext, { repos, session }) => {
  const { id } = await params;
  const { scenarioIds, simulationIds } = parseBody(runScenariosBody, await readJsonBody(request, { emptyAs: {} }));
  await repos.flows.get(id);
  await admitScenarioRun(session.workspace.id);
  const version = await versionForTest(repos, id);
  // A run of every test is stored per version: the versions list shows it, publishing may require it.
  const finish = async (run: Awaited<ReturnType<typeof runScenariosOnRuntime>>) => {
    const complete =
      run.results.length === version.spec.scenarios.length &&
      run.simulations.length === (version.spec.simulations?.length ?? 0);
    if (complete) await recordTestRun(version.id, run);
    return scenarioRunResponse.parse({ versionNumber: version.number, ...run });
  };
  if (!/application\/x-ndjson/.test(request.headers.get('accept') ?? '')) {
    return reply(
      scenarioRunResponse,
      await finish(await runScenariosOnRuntime(callsConfig(), version.id, scenarioIds, simulationIds)),
    );
  }
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const line = (value: unknown) => controller.enqueue(encoder.encode(`${JSON.stringify(value)}\n`));
      try {
        const run = await streamScenariosOnRuntime(callsConfig(), version.id, { scenarioIds, simulationIds }, line);
        line({ type: 'done', ...(await finish(run)) });
      } catch (error) {
        line({ type: 'error', error: error instanceof ApiError ? error.message : 'The tests could not be run.' });
      }
      controller.close();
    },
  });
  return new Response(body, { headers: { 'content-type': 'application/x-ndjson', 'cache-control': 'no-store' } });
});
