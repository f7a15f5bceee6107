import { testRuns } from '@parley/db';
import { authed } from '@/src/server/auth/api-auth';
import { reply } from '@/src/server/reply';
import { versionListResponse } from '@/src/server/response-schemas';
import type { FlowRouteContext } from '@/src/server/route-context';

/** The flow's versions (published and snapshots), without their specs, each with its latest test run. */
export const GET = authed(async (_request, { params }: FlowRouteContext, { repos }) => {
  const { id } = await params;
  const list = await repos.versions.list(id);
  const tests = await testRuns.latestByVersion(id);
  const versions = list.map((version) => {
    const run = tests.get(version.id);
    return { ...version, tests: run ? { passed: run.passed, total: run.total, createdAt: run.createdAt } : null };
  });
  return reply(versionListResponse, { versions });
});
