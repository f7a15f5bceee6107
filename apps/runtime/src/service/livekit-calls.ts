import { calls } from '@parley/db';
import { silentSink } from '../calls/call-sink';
import type { CallSupervisor } from '../calls/call-supervisor';
import { loadCallToRun } from '../calls/load-call';
import type { LiveKitConfig } from '../config';
import { createFlowCall, resolveFlowJob } from '../dispatch/flow-job';
import { namesFlow } from '../dispatch/job-metadata';
import { type CallJob, type LiveKitJobs, startLiveKitJobs } from '../dispatch/job-runner';
import type { Logger } from '../log';

/** The call a job runs: the one it names, or a new call on the live version of the flow it names. */
async function callOf(job: CallJob): Promise<{ callId: string; flowVersionId: string; created: boolean }> {
  if (!namesFlow(job.request)) return { ...job.request, created: false };
  const call = await createFlowCall(job.request, job.place);
  return { callId: call.id, flowVersionId: call.flowVersionId, created: true };
}

/**
 * LiveKit mode: registers as an agent worker and runs each dispatched call like a local one,
 * except that the call's process joins the room itself (the job's URL and token). A job naming a
 * flow is checked when offered and gets its call record, on the flow's live version, when assigned.
 */
export function startLiveKitCalls(livekit: LiveKitConfig, supervisor: CallSupervisor, log: Logger): LiveKitJobs {
  return startLiveKitJobs({
    config: livekit,
    log: log.child({ component: 'livekit-worker' }),
    capacity: () => supervisor.refusal() === null,
    jobCount: () => supervisor.load,
    checkOffer: async (request, place) => {
      if (namesFlow(request)) await resolveFlowJob(request, place);
    },
    startCall: async (job) => {
      const { callId, flowVersionId, created } = await callOf(job);
      let slot: ReturnType<CallSupervisor['reserve']>;
      try {
        slot = supervisor.reserve(callId);
      } catch (error) {
        // A call this runtime created and cannot take must not stay pending for ever.
        if (created) await calls.markFailed(callId, error instanceof Error ? error.message : String(error));
        throw error;
      }
      let call: Awaited<ReturnType<typeof loadCallToRun>>;
      try {
        call = await loadCallToRun(callId, flowVersionId);
        await slot.claim();
      } catch (error) {
        slot.release();
        throw error;
      }
      const participantIdentity = job.place.participant?.identity;
      const transport = { kind: 'livekit', url: job.url, token: job.token, participantIdentity } as const;
      const running = slot.start(call, transport, silentSink);
      return {
        ended: running.done.then((outcome) =>
          outcome.status === 'ended' ? { ok: true } : { ok: false, reason: outcome.reason },
        ),
        stop: () => running.end(),
      };
    },
  });
}
