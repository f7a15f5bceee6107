import { JobStatus, WorkerStatus } from '@livekit/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CallJob, type LiveKitJobs, type RunningCall, startLiveKitJobs } from '../../src/dispatch/job-runner';
import { createLogger } from '../../src/log';
import { LiveKitAgentServer } from '../doubles/livekit-agent-server';

const apiKey = 'devkey';
const apiSecret = 'a-dev-secret-of-at-least-32-characters';
const metadata = (callId: string) => JSON.stringify({ callId, flowVersionId: 'fv_1' });

/** Calls the test starts for real: each ends when the test (or stop()) says so. */
function callStarter() {
  const started: CallJob[] = [];
  const finishers = new Map<string, (result: { ok: boolean; reason?: string }) => void>();
  const stopped: string[] = [];
  let refuse: string | null = null;
  return {
    started,
    stopped,
    refuseWith: (reason: string) => {
      refuse = reason;
    },
    end: (jobId: string, result: { ok: boolean; reason?: string }) => finishers.get(jobId)?.(result),
    startCall: async (job: CallJob): Promise<RunningCall> => {
      if (refuse) throw new Error(refuse);
      started.push(job);
      const ended = new Promise<{ ok: boolean; reason?: string }>((resolve) => finishers.set(job.jobId, resolve));
      return {
        ended,
        stop: () => {
          stopped.push(job.jobId);
          finishers.get(job.jobId)?.({ ok: true });
        },
      };
    },
  };
}

describe('LiveKit jobs → calls', () => {
  let server: LiveKitAgentServer;
  let jobs: LiveKitJobs | null = null;
  let calls: ReturnType<typeof callStarter>;
  let capacity = true;
  let offerProblem: string | null = null;
  const logLines: string[] = [];

  const start = () => {
    jobs = startLiveKitJobs({
      // A threshold above 1: CPU load on a shared test machine never marks this worker full.
      config: { url: server.url, apiKey, apiSecret, agentName: 'parley', loadThreshold: 1.01, loadMargin: 0.1 },
      log: createLogger({}, (line) => logLines.push(line)),
      capacity: () => capacity,
      jobCount: () => calls.started.length,
      checkOffer: async () => {
        if (offerProblem) throw new Error(offerProblem);
      },
      startCall: (job) => calls.startCall(job),
    });
    return jobs.worker.registered();
  };

  /** Offers a job and returns the worker's answer. */
  const offer = async (id: string, jobMetadata: string) => {
    const mark = server.received.length;
    server.send({
      case: 'availability',
      value: { job: { id, metadata: jobMetadata, agentName: 'parley' }, resuming: false },
    });
    const answer = await server.next('availability', mark);
    if (answer.message.case !== 'availability') throw new Error('expected availability');
    return answer.message.value;
  };

  const assign = (id: string, jobMetadata: string) =>
    server.send({
      case: 'assignment',
      value: { job: { id, metadata: jobMetadata }, token: `room-token-${id}`, url: '' },
    });

  /** The job status updates the server has received for `jobId`, in order. */
  const statuses = (jobId: string) =>
    server.received.flatMap((m) =>
      m.message.case === 'updateJob' && m.message.value.jobId === jobId
        ? [{ status: m.message.value.status, error: m.message.value.error }]
        : [],
    );

  beforeEach(async () => {
    server = await LiveKitAgentServer.start(apiKey, apiSecret);
    calls = callStarter();
    capacity = true;
    offerProblem = null;
    logLines.length = 0;
  });
  afterEach(async () => {
    await jobs?.close();
    jobs = null;
    await server.close();
  });

  it('accepts a job naming a call as agent-<jobId>, starts the call on assignment and reports it running then done', async () => {
    await start();
    const answer = await offer('AJ_1', metadata('call_1'));
    expect(answer).toMatchObject({ jobId: 'AJ_1', available: true, participantIdentity: 'agent-AJ_1' });
    expect(answer.participantAttributes).toEqual({
      'parley.call_id': 'call_1',
      'parley.flow_version_id': 'fv_1',
      'lk.agent.name': 'parley',
    });

    assign('AJ_1', metadata('call_1'));
    await expect.poll(() => statuses('AJ_1')).toEqual([{ status: JobStatus.JS_RUNNING, error: '' }]);
    expect(calls.started).toEqual([
      {
        request: { callId: 'call_1', flowVersionId: 'fv_1' },
        place: { room: '' },
        url: server.url,
        token: 'room-token-AJ_1',
        jobId: 'AJ_1',
      },
    ]);

    calls.end('AJ_1', { ok: true });
    await expect
      .poll(() => statuses('AJ_1').map((s) => s.status))
      .toEqual([JobStatus.JS_RUNNING, JobStatus.JS_SUCCESS]);
  });

  it('reports a call that failed as JS_FAILED with its reason', async () => {
    await start();
    assign('AJ_2', metadata('call_2'));
    await expect.poll(() => calls.started.length).toBe(1);
    calls.end('AJ_2', { ok: false, reason: 'call process crashed (exit code 1)' });
    await expect
      .poll(() => statuses('AJ_2'))
      .toEqual([
        { status: JobStatus.JS_RUNNING, error: '' },
        { status: JobStatus.JS_FAILED, error: 'call process crashed (exit code 1)' },
      ]);
  });

  it('reports JS_FAILED when the call cannot start', async () => {
    await start();
    calls.refuseWith('flow version fv_1 not found');
    assign('AJ_3', metadata('call_3'));
    await expect
      .poll(() => statuses('AJ_3'))
      .toEqual([{ status: JobStatus.JS_FAILED, error: 'flow version fv_1 not found' }]);
    expect(logLines.some((l) => l.includes('call did not start'))).toBe(true);
  });

  it('declines jobs without a call in their metadata, and jobs beyond capacity', async () => {
    await start();
    expect(await offer('AJ_4', '')).toMatchObject({ jobId: 'AJ_4', available: false });
    expect(await offer('AJ_5', JSON.stringify({ callId: 'call_5' }))).toMatchObject({
      jobId: 'AJ_5',
      available: false,
    });
    capacity = false;
    expect(await offer('AJ_6', metadata('call_6'))).toMatchObject({ jobId: 'AJ_6', available: false });
    const declines = logLines.filter((l) => l.includes('declined a job')).join('\n');
    expect(declines).toContain('not JSON');
    expect(declines).toContain('flowVersionId');
    expect(declines).toContain('at capacity');
    expect(calls.started).toEqual([]);
  });

  it('declines a job its check refuses, logging the reason, and marks an accepted flow job with the flow', async () => {
    await start();
    const flowJob = JSON.stringify({ workspace: 'acme', flow: 'front-desk' });
    offerProblem = 'flow "front-desk" has no live version; publish it first';
    expect(await offer('AJ_11', flowJob)).toMatchObject({ jobId: 'AJ_11', available: false });
    expect(logLines.find((l) => l.includes('declined a job'))).toContain('has no live version; publish it first');
    offerProblem = null;
    const answer = await offer('AJ_12', flowJob);
    expect(answer).toMatchObject({ jobId: 'AJ_12', available: true });
    expect(answer.participantAttributes).toEqual({ 'parley.flow': 'acme/front-desk', 'lk.agent.name': 'parley' });
  });

  it('stops the call when LiveKit terminates the job', async () => {
    await start();
    assign('AJ_7', metadata('call_7'));
    await expect.poll(() => statuses('AJ_7').length).toBe(1);
    server.send({ case: 'termination', value: { jobId: 'AJ_7' } });
    await expect.poll(() => calls.stopped).toEqual(['AJ_7']);
    await expect
      .poll(() => statuses('AJ_7').map((s) => s.status))
      .toEqual([JobStatus.JS_RUNNING, JobStatus.JS_SUCCESS]);
  });

  it('starts a call assigned twice only once', async () => {
    await start();
    assign('AJ_8', metadata('call_8'));
    assign('AJ_8', metadata('call_8'));
    await expect.poll(() => statuses('AJ_8').length).toBe(1);
    expect(calls.started).toHaveLength(1);
  });

  it('drain() tells LiveKit the worker is full and declines new jobs while calls go on', async () => {
    await start();
    assign('AJ_9', metadata('call_9'));
    await expect.poll(() => statuses('AJ_9').length).toBe(1);
    const mark = server.received.length;
    jobs?.drain();
    const update = await server.next('updateWorker', mark);
    expect(update.message.value).toMatchObject({ status: WorkerStatus.WS_FULL });
    expect(await offer('AJ_10', metadata('call_10'))).toMatchObject({ available: false });
    calls.end('AJ_9', { ok: true });
    await expect
      .poll(() => statuses('AJ_9').map((s) => s.status))
      .toEqual([JobStatus.JS_RUNNING, JobStatus.JS_SUCCESS]);
  });
});
