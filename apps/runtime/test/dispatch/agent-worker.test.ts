import { JobStatus, WorkerStatus } from '@livekit/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AgentWorker, type AgentWorkerOptions, type JobAssignmentInfo } from '../../src/dispatch/agent-worker';
import { createLogger } from '../../src/log';
import { LiveKitAgentServer } from '../doubles/livekit-agent-server';

const apiKey = 'devkey';
const apiSecret = 'a-dev-secret-of-at-least-32-characters';

describe('AgentWorker against a LiveKit agent-protocol server', () => {
  let server: LiveKitAgentServer;
  let worker: AgentWorker | null = null;
  let load = 0.1;
  const assignments: JobAssignmentInfo[] = [];
  const terminations: string[] = [];
  const logLines: string[] = [];

  const startWorker = (overrides: Partial<AgentWorkerOptions> = {}) => {
    worker = new AgentWorker({
      url: server.url,
      apiKey,
      apiSecret,
      agentName: 'parley',
      loadThreshold: 0.7,
      loadMargin: 0.1,
      measureLoad: () => load,
      jobCount: () => assignments.length,
      decide: ({ job }) => ({ accept: true, identity: `agent-${job.id}`, attributes: { 'parley.call': 'c1' } }),
      onAssignment: (a) => assignments.push(a),
      onTermination: (id) => terminations.push(id),
      log: createLogger({}, (line) => logLines.push(line)),
      loadIntervalMs: 50,
      pingIntervalMs: 50,
      backoff: { initialMs: 20, maxMs: 100 },
      ...overrides,
    });
    worker.start();
    return worker;
  };

  beforeEach(async () => {
    server = await LiveKitAgentServer.start(apiKey, apiSecret);
    load = 0.1;
    assignments.length = 0;
    terminations.length = 0;
    logLines.length = 0;
  });
  afterEach(async () => {
    await worker?.close();
    worker = null;
    await server.close();
  });

  it('registers with the agent name and agent permissions', async () => {
    const id = await startWorker().registered();
    expect(id).toBe('W_1');
    const register = await server.next('register', 0);
    expect(register.message.case).toBe('register');
    if (register.message.case !== 'register') return;
    expect(register.message.value.agentName).toBe('parley');
    expect(register.message.value.allowedPermissions?.agent).toBe(true);
    expect(register.message.value.allowedPermissions?.canPublishData).toBe(true);
  });

  it('accepts an offered job, then receives the assignment and reports job status', async () => {
    const w = startWorker();
    await w.registered();
    const job = { id: 'AJ_1', metadata: JSON.stringify({ callId: 'c1', flowVersionId: 'v1' }), agentName: 'parley' };
    server.send({ case: 'availability', value: { job, resuming: false } });
    const answer = await server.next('availability');
    if (answer.message.case !== 'availability') throw new Error('expected availability');
    expect(answer.message.value).toMatchObject({ jobId: 'AJ_1', available: true, participantIdentity: 'agent-AJ_1' });
    expect(answer.message.value.participantAttributes).toEqual({ 'parley.call': 'c1', 'lk.agent.name': 'parley' });

    server.send({ case: 'assignment', value: { job, token: 'room-token', url: '' } });
    await expect.poll(() => assignments.length).toBe(1);
    expect(assignments[0]).toMatchObject({ url: server.url, token: 'room-token' });
    expect(assignments[0]?.job.id).toBe('AJ_1');

    w.updateJob('AJ_1', JobStatus.JS_RUNNING);
    const update = await server.next('updateJob');
    expect(update.message.value).toMatchObject({ jobId: 'AJ_1', status: JobStatus.JS_RUNNING });

    server.send({ case: 'termination', value: { jobId: 'AJ_1' } });
    await expect.poll(() => terminations).toEqual(['AJ_1']);
  });

  it('declines a job its decide() refuses', async () => {
    await startWorker({ decide: () => ({ accept: false, reason: 'unknown flow version' }) }).registered();
    server.send({ case: 'availability', value: { job: { id: 'AJ_2' }, resuming: false } });
    const answer = await server.next('availability');
    expect(answer.message.value).toMatchObject({ jobId: 'AJ_2', available: false });
  });

  it('reports load periodically and goes WS_FULL above the threshold', async () => {
    const w = startWorker();
    await w.registered();
    const first = await server.next('updateWorker');
    if (first.message.case !== 'updateWorker') throw new Error('expected updateWorker');
    expect(first.message.value.status).toBe(WorkerStatus.WS_AVAILABLE);
    expect(first.message.value.load).toBeCloseTo(0.1, 5);
    load = 0.9;
    await expect
      .poll(async () => (await server.next('updateWorker')).message.value)
      .toMatchObject({ status: WorkerStatus.WS_FULL });
    expect(w.available).toBe(false);
    server.send({ case: 'availability', value: { job: { id: 'AJ_3' }, resuming: false } });
    const answer = await server.next('availability');
    expect(answer.message.value).toMatchObject({ jobId: 'AJ_3', available: false });
  });

  it('does not flap: once full it is available again only below the threshold minus the margin', async () => {
    const w = startWorker();
    await w.registered();
    const statusAt = async (value: number) => {
      load = value;
      // The next report measured at this load (earlier ones may still be in flight).
      for (;;) {
        const update = await server.next('updateWorker');
        if (update.message.case === 'updateWorker' && Math.abs(update.message.value.load - value) < 1e-6)
          return update.message.value.status;
      }
    };
    expect(await statusAt(0.69)).toBe(WorkerStatus.WS_AVAILABLE);
    expect(await statusAt(0.75)).toBe(WorkerStatus.WS_FULL);
    // Load hovering just under the threshold (0.7) keeps it full...
    expect(await statusAt(0.65)).toBe(WorkerStatus.WS_FULL);
    expect(await statusAt(0.61)).toBe(WorkerStatus.WS_FULL);
    expect(w.available).toBe(false);
    // ...until it drops below 0.7 - 0.1.
    expect(await statusAt(0.59)).toBe(WorkerStatus.WS_AVAILABLE);
    expect(await statusAt(0.65)).toBe(WorkerStatus.WS_AVAILABLE);
    expect(w.available).toBe(true);
    const available = logLines.filter((line) => line.includes('"worker available"') || line.includes('"worker full"'));
    expect(available).toHaveLength(2);
  });

  it('answers pings with the server pong and keeps running', async () => {
    await startWorker().registered();
    const ping = await server.next('ping');
    expect(ping.message.case).toBe('ping');
  });

  it('reconnects and registers again after the server drops the socket', async () => {
    const w = startWorker();
    await w.registered();
    server.drop();
    await expect.poll(() => server.connections).toBe(2);
    await expect.poll(() => w.registered()).toBe('W_2');
    expect(logLines.some((l) => l.includes('reconnecting'))).toBe(true);
  });

  it('drains: reports WS_FULL and refuses new jobs', async () => {
    const w = startWorker();
    await w.registered();
    const mark = server.received.length;
    w.drain();
    await expect
      .poll(() =>
        server.received
          .slice(mark)
          .some((m) => m.message.case === 'updateWorker' && m.message.value.status === WorkerStatus.WS_FULL),
      )
      .toBe(true);
    server.send({ case: 'availability', value: { job: { id: 'AJ_4' }, resuming: false } });
    expect((await server.next('availability')).message.value).toMatchObject({ available: false });
  });

  it('is refused by the server with a token signed by the wrong secret', async () => {
    const w = startWorker({ apiSecret: 'another-secret-that-is-also-long-enough' });
    await expect.poll(() => logLines.filter((l) => l.includes('reconnecting')).length).toBeGreaterThan(1);
    expect(server.connections).toBe(0);
    expect(logLines.join('\n')).not.toContain('another-secret');
    await w.close();
  });
});
