import type { Job } from '@livekit/protocol';
import type { LiveKitConfig } from '../config';
import type { Logger } from '../log';
import { AgentWorker, type JobAssignmentInfo, type JobDecision, type JobOffer, JobStatus } from './agent-worker';
import { CpuLoad } from './cpu-load';
import type { JobPlace } from './flow-job';
import { type JobMetadata, namesFlow, parseJobMetadata } from './job-metadata';

/** What a call process needs to join its room. */
export interface CallJob {
  /** What the job's metadata asks for: an existing call, or a flow to create a call on. */
  request: JobMetadata;
  /** The job's room and, when LiveKit names one, its participant (the caller). */
  place: JobPlace;
  /** LiveKit server URL to join. */
  url: string;
  /** The agent participant's room token (from the assignment). */
  token: string;
  jobId: string;
}

/** A started call: how it ended, and how to end it early. */
export interface RunningCall {
  ended: Promise<{ ok: boolean; reason?: string }>;
  stop(): void;
}

export interface LiveKitJobsOptions {
  config: LiveKitConfig;
  log: Logger;
  /** Whether this runtime can take one more call now. */
  capacity(): boolean;
  jobCount(): number;
  /** Checks an offered job before it is taken; throws with the reason to decline it. */
  checkOffer(request: JobMetadata, place: JobPlace): Promise<void>;
  startCall(job: CallJob): Promise<RunningCall>;
}

export interface LiveKitJobs {
  worker: AgentWorker;
  /** Stops taking jobs; running calls go on. */
  drain(): void;
  /** Closes the worker connection (running calls are not stopped). */
  close(): Promise<void>;
}

/** Participant attributes naming the call, so the room (and tester) can tell which call the agent serves. */
export const CALL_ID_ATTRIBUTE = 'parley.call_id';
export const FLOW_VERSION_ATTRIBUTE = 'parley.flow_version_id';
/** For a job naming a flow: the flow id or `<workspace>/<flow>` slugs, as the metadata gave it. */
export const FLOW_ATTRIBUTE = 'parley.flow';

/** The agent's participant identity for a job. */
export function agentIdentity(jobId: string): string {
  return `agent-${jobId}`;
}

/** Where LiveKit put the job: its room's name and, if any, the participant it was dispatched for. */
export function jobPlace(job: Job): JobPlace {
  return { room: job.room?.name ?? '', ...(job.participant ? { participant: job.participant } : {}) };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function jobAttributes(request: JobMetadata): Record<string, string> {
  if (!namesFlow(request))
    return { [CALL_ID_ATTRIBUTE]: request.callId, [FLOW_VERSION_ATTRIBUTE]: request.flowVersionId };
  return { [FLOW_ATTRIBUTE]: 'flowId' in request ? request.flowId : `${request.workspace}/${request.flow}` };
}

/**
 * Whether to take an offered job: its metadata must name a call or a flow that can run (checked
 * by `check`, a few reads), and there must be room for it.
 */
export async function decideJob(
  offer: JobOffer,
  capacity: () => boolean,
  check: LiveKitJobsOptions['checkOffer'],
): Promise<JobDecision> {
  let request: JobMetadata;
  try {
    request = parseJobMetadata(offer.job.metadata);
  } catch (error) {
    return { accept: false, reason: describe(error) };
  }
  if (!capacity()) return { accept: false, reason: 'at capacity' };
  try {
    await check(request, jobPlace(offer.job));
  } catch (error) {
    return { accept: false, reason: describe(error) };
  }
  return { accept: true, identity: agentIdentity(offer.job.id), attributes: jobAttributes(request) };
}

/**
 * Connects the LiveKit agent worker to call processes: accepts jobs that name a call or a flow,
 * starts the call on assignment, reports it running / succeeded / failed (with the reason) to LiveKit, and
 * stops it when LiveKit terminates the job.
 */
export function startLiveKitJobs(options: LiveKitJobsOptions): LiveKitJobs {
  const { config, log } = options;
  const calls = new Map<string, RunningCall | null>();
  const cpu = new CpuLoad();

  const run = async (worker: AgentWorker, { job, url, token }: JobAssignmentInfo): Promise<void> => {
    const jobLog = log.child({ jobId: job.id });
    let call: RunningCall;
    try {
      const request = parseJobMetadata(job.metadata);
      call = await options.startCall({ request, place: jobPlace(job), url, token, jobId: job.id });
    } catch (error) {
      calls.delete(job.id);
      const reason = describe(error);
      jobLog.error('call did not start', { error: reason });
      worker.updateJob(job.id, JobStatus.JS_FAILED, reason);
      return;
    }
    // Terminated while starting: stop it as soon as it exists.
    if (!calls.has(job.id)) call.stop();
    calls.set(job.id, call);
    worker.updateJob(job.id, JobStatus.JS_RUNNING);
    const result = await call.ended.catch((error: unknown) => ({ ok: false, reason: String(error) }));
    calls.delete(job.id);
    if (result.ok) worker.updateJob(job.id, JobStatus.JS_SUCCESS);
    else worker.updateJob(job.id, JobStatus.JS_FAILED, result.reason ?? 'call failed');
    jobLog.info('call ended', { ok: result.ok, reason: result.reason });
  };

  const worker: AgentWorker = new AgentWorker({
    ...config,
    log,
    measureLoad: () => cpu.sample(),
    jobCount: options.jobCount,
    decide: (offer) => decideJob(offer, options.capacity, options.checkOffer),
    onAssignment: (assignment) => {
      if (calls.has(assignment.job.id)) return;
      calls.set(assignment.job.id, null);
      void run(worker, assignment);
    },
    onTermination: (jobId) => {
      const call = calls.get(jobId);
      log.info('LiveKit terminated a job', { jobId });
      if (call) call.stop();
      else if (call === null) calls.delete(jobId);
    },
  });
  worker.start();
  return { worker, drain: () => worker.drain(), close: () => worker.close() };
}
