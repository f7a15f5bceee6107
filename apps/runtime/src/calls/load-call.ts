import {
  allowlist,
  type CallRecord,
  calls,
  flows,
  NotFoundError,
  secrets,
  type VersionRecord,
  versions,
} from '@parley/db';
import { CallRefused } from './call-refused';

/** A pending call and the exact version it runs. */
export interface CallToRun {
  call: CallRecord;
  version: VersionRecord;
  /** What the flow's workspace gives its calls: its secrets and webhook allow-list. */
  workspace: WorkspaceSettings;
}

/** A workspace's secrets (decrypted, by name) and the non-public hosts its webhooks may reach. */
export interface WorkspaceSettings {
  workspaceId: string;
  secrets: Record<string, string>;
  webhookAllowList: string[];
}

/** The secrets and allow-list of the workspace that owns flow `flowId`. */
export async function workspaceSettings(flowId: string): Promise<WorkspaceSettings> {
  const { workspaceId } = await flows.get(flowId);
  const [values, entries] = await Promise.all([secrets.values(workspaceId), allowlist.entries(workspaceId)]);
  return { workspaceId, secrets: values, webhookAllowList: entries };
}

async function orRefuse<T>(load: Promise<T>, refusal: CallRefused): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof NotFoundError) throw refusal;
    throw error;
  }
}

/** Loads call `callId` to run version `flowVersionId` (both named by a token or a dispatch); CallRefused if it may not run. */
export async function loadCallToRun(callId: string, flowVersionId: string): Promise<CallToRun> {
  const call = await orRefuse(calls.get(callId), new CallRefused('unknown_call', `call ${callId} does not exist`));
  const version = await orRefuse(
    versions.getById(flowVersionId),
    new CallRefused(
      'unknown_version',
      `flow version ${flowVersionId} does not exist; publish or snapshot the flow first`,
    ),
  );
  if (call.flowVersionId !== version.id) {
    throw new CallRefused('unknown_version', `call ${callId} runs version ${call.flowVersionId}, not ${flowVersionId}`);
  }
  if (call.status !== 'pending') {
    throw new CallRefused(
      'call_not_pending',
      `call ${callId} is already ${call.status}; create a new call to talk again`,
    );
  }
  return { call, version, workspace: await workspaceSettings(version.flowId) };
}
