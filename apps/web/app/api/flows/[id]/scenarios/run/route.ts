import { z } from 'zod';
import { authed } from '@/src/server/auth/api-auth';
import { admitScenarioRun } from '@/src/server/auth/call-limits';
import { callsConfig } from '@/src/server/calls-config';
import { versionForTest } from '@/src/server/calls-version';
import { parseBody } from '@/src/server/parse-body';
import { readJsonBody } from '@/src/server/read-json-body';
import type { FlowRouteContext } from '@/src/server/route-context';
import { runScenariosOnRuntime } from '@/src/server/runtime-client';

/** POST body: which scenarios to run (all when absent). */
const runBody = z.object({ scenarioIds: z.array(z.string().min(1)).max(200).optional() }).strict();

/** Runs the draft's scenarios on the runtime (the draft is snapshotted first); 429 past 10 runs a minute. */
export const POST = authed(async (request, { params }: FlowRouteContext, { repos, session }) => {
  const { id } = await params;
  const { scenarioIds } = parseBody(runBody, await readJsonBody(request, { emptyAs: {} }));
  await repos.flows.get(id);
  await admitScenarioRun(session.workspace.id);
  const version = await versionForTest(repos, id);
  const results = await runScenariosOnRuntime(callsConfig(), version.id, scenarioIds);
  return Response.json({ versionNumber: version.number, results });
});
