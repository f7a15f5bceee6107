import { silentSink } from '../calls/call-sink';
import type { CallSupervisor } from '../calls/call-supervisor';
import { loadCallToRun } from '../calls/load-call';
import type { LiveKitConfig } from '../config';
import { type LiveKitJobs, startLiveKitJobs } from '../dispatch/job-runner';
import type { Logger } from '../log';

/**
 * LiveKit mode: registers as an agent worker and runs each dispatched call like a local one,
 * except that the call's process joins the room itself (the job's URL and token).
 */
export function startLiveKitCalls(livekit: LiveKitConfig, supervisor: CallSupervisor, log: Logger): LiveKitJobs {
  return startLiveKitJobs({
    config: livekit,
    log: log.child({ component: 'livekit-worker' }),
    capacity: () => supervisor.refusal() === null,
    jobCount: () => supervisor.load,
    startCall: async (job) => {
      const slot = supervisor.reserve(job.callId);
      let call: Awaited<ReturnType<typeof loadCallToRun>>;
      try {
        call = await loadCallToRun(job.callId, job.flowVersionId);
        await slot.claim();
      } catch (error) {
        slot.release();
        throw error;
      }
      const running = slot.start(call, { kind: 'livekit', url: job.url, token: job.token }, silentSink);
      return {
        ended: running.done.then((outcome) =>
          outcome.status === 'ended' ? { ok: true } : { ok: false, reason: outcome.reason },
        ),
        stop: () => running.end(),
      };
    },
  });
}
