import { type ParticipantInfo, ParticipantInfo_Kind } from '@livekit/protocol';
import {
  CallCapReachedError,
  type CallRecord,
  type CallSource,
  flows,
  forWorkspace,
  NotFoundError,
  slugs,
  versions,
  workspaces,
} from '@parley/db';
import type { FlowJobMetadata } from './job-metadata';
import { callerVariables } from './sip-variables';

/** Why a job naming a flow cannot run: the reason the worker logs when it declines or fails the job. */
export class FlowJobRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FlowJobRefused';
  }
}

/** The room and participant LiveKit gave the job. */
export interface JobPlace {
  room: string;
  /** Set when LiveKit dispatched the job for one participant (a phone caller through SIP, say). */
  participant?: ParticipantInfo;
}

/** A flow job checked against the flow's live version: what its call will record. */
export interface ResolvedFlowJob {
  /** The flow's workspace, whose cap on concurrent calls the call counts against. */
  workspaceId: string;
  flowVersionId: string;
  source: CallSource;
  callerIdentity?: string;
  variables: Record<string, string>;
}

async function refuseIfMissing<T>(lookup: Promise<T>, reason: string): Promise<T> {
  try {
    return await lookup;
  } catch (error) {
    if (error instanceof NotFoundError) throw new FlowJobRefused(reason);
    throw error;
  }
}

async function flowIdOf(metadata: FlowJobMetadata): Promise<string> {
  if ('flowId' in metadata) return metadata.flowId;
  const found = await refuseIfMissing(
    slugs.findFlow(metadata.workspace, metadata.flow),
    `no flow "${metadata.flow}" in a workspace "${metadata.workspace}"`,
  );
  return found.flowId;
}

/**
 * Finds the flow's live version now and checks the job's variables against its spec; FlowJobRefused
 * when the flow is unknown, was never published, or a variable is not one the flow declares.
 */
export async function resolveFlowJob(metadata: FlowJobMetadata, place: JobPlace): Promise<ResolvedFlowJob> {
  const flowId = await flowIdOf(metadata);
  const flow = await refuseIfMissing(flows.get(flowId), `flow ${flowId} does not exist`);
  if (!flow.liveVersionId) {
    throw new FlowJobRefused(`flow ${flowId} has no live version; publish it first`);
  }
  const version = await refuseIfMissing(
    versions.getById(flow.liveVersionId),
    `flow ${flowId}'s live version is gone; publish it again`,
  );
  const declared = new Set(version.spec.variables.map((v) => v.name));
  const given = metadata.variables ?? {};
  const undeclared = Object.keys(given).filter((name) => !declared.has(name));
  if (undeclared.length > 0) {
    const known = declared.size > 0 ? [...declared].join(', ') : 'none';
    throw new FlowJobRefused(
      `variables not declared by flow ${flowId}: ${undeclared.join(', ')} (it declares: ${known})`,
    );
  }
  const sip = place.participant?.kind === ParticipantInfo_Kind.SIP;
  return {
    workspaceId: flow.workspaceId,
    flowVersionId: version.id,
    source: sip ? 'sip' : (metadata.source ?? 'dispatch'),
    ...(place.participant?.identity ? { callerIdentity: place.participant.identity } : {}),
    variables: callerVariables(given, { sip, attributes: place.participant?.attributes ?? {} }, declared),
  };
}

/**
 * Records the pending call a flow job runs, on the live version resolved now (a later publish
 * does not move it), counted atomically against the workspace's cap on concurrent calls (the
 * call API and widget check it only early, when they mint a token); FlowJobRefused past the cap.
 */
export async function createFlowCall(metadata: FlowJobMetadata, place: JobPlace): Promise<CallRecord> {
  const { workspaceId, ...job } = await resolveFlowJob(metadata, place);
  const { maxConcurrentCalls } = await workspaces.get(workspaceId);
  try {
    return await forWorkspace(workspaceId).calls.createCapped(
      { ...job, mode: 'livekit', room: place.room },
      maxConcurrentCalls,
    );
  } catch (error) {
    if (error instanceof CallCapReachedError) {
      throw new FlowJobRefused(
        `the workspace already has ${error.max} calls going, its maximum of concurrent calls; raise it or wait for one to end`,
      );
    }
    throw error;
  }
}
