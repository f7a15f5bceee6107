import { NotFoundError, type WorkspaceRepositories } from '@parley/db';
import { ApiError } from '../api-error';

/** 400 `invalid_request` naming each chosen flow id that is not a flow of the workspace. */
export async function checkKeyFlows(repos: WorkspaceRepositories, flowIds: string[]): Promise<void> {
  const issues: { path: string; message: string }[] = [];
  for (const [index, flowId] of flowIds.entries()) {
    try {
      await repos.flows.get(flowId);
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      issues.push({ path: `flowIds.${index}`, message: `no flow ${flowId} in this workspace` });
    }
  }
  if (issues.length === 0) return;
  const summary = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
  throw new ApiError(400, 'invalid_request', `A key can only be scoped to this workspace's flows: ${summary}`, {
    issues,
  });
}
