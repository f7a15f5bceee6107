import type { VersionRecord, WorkspaceRepositories } from '@parley/db';

/**
 * The version a test call or scenario run uses: version `number` when given, else the draft as a
 * snapshot. An unchanged draft reuses its newest snapshot, so repeated test calls do not pile up
 * identical versions. Only the workspace's flows are found.
 */
export async function versionForTest(
  repos: WorkspaceRepositories,
  flowId: string,
  number?: number,
): Promise<VersionRecord> {
  const { flows, versions } = repos;
  if (number !== undefined) return versions.get(flowId, number);
  const flow = await flows.get(flowId);
  const newestSnapshot = (await versions.list(flowId)).find((v) => v.kind === 'snapshot');
  if (newestSnapshot) {
    const version = await versions.getById(newestSnapshot.id);
    if (JSON.stringify(version.spec) === JSON.stringify(flow.draft)) return version;
  }
  return versions.snapshot(flowId, 'test call');
}
