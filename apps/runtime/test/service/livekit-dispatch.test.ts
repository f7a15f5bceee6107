import { JobStatus } from '@livekit/protocol';
import { callEvents, calls, type VersionRecord } from '@parley/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveKitAgentServer } from '../doubles/livekit-agent-server';
import { publishReceptionist } from '../support/flows';
import { startTestRuntime, type TestRuntime } from '../support/test-runtime';

const apiKey = 'devkey';
const apiSecret = 'a-dev-secret-of-at-least-32-characters';

let server: LiveKitAgentServer;
let runtime: TestRuntime;
let version: VersionRecord;

beforeAll(async () => {
  server = await LiveKitAgentServer.start(apiKey, apiSecret);
  runtime = await startTestRuntime({
    spareProcesses: 0,
    // Above 1: a busy shared test machine never makes this worker report itself full.
    livekit: { url: server.url, apiKey, apiSecret, agentName: 'parley', loadThreshold: 1.01, loadMargin: 0.1 },
  });
  version = await publishReceptionist({ typedOnly: true });
  await server.next('register', 0);
}, 60_000);

afterAll(async () => {
  await runtime?.drain();
  await server?.close();
});

async function jobUpdate(jobId: string, status: JobStatus) {
  for (let after = 0; ; ) {
    const message = await server.next('updateJob', after);
    after = server.received.indexOf(message) + 1;
    if (
      message.message.case === 'updateJob' &&
      message.message.value.jobId === jobId &&
      message.message.value.status === status
    ) {
      return message.message.value;
    }
  }
}

function offer(id: string, metadata: unknown) {
  const job = { id, metadata: JSON.stringify(metadata), agentName: 'parley' };
  server.send({ case: 'availability', value: { job, resuming: false } });
  return job;
}

describe('LiveKit dispatch runs calls like local ones', () => {
  it('a dispatched call whose room cannot be joined fails with the reason, recorded and reported to LiveKit', async () => {
    const call = await calls.create({ flowVersionId: version.id, mode: 'livekit', room: 'room-1' });
    const job = offer('AJ_room', { callId: call.id, flowVersionId: version.id });
    const answer = await server.next('availability');
    expect(answer.message.value).toMatchObject({ jobId: 'AJ_room', available: true });
    server.send({ case: 'assignment', value: { job, token: 'room-token', url: 'ws://127.0.0.1:1' } });
    const update = await jobUpdate('AJ_room', JobStatus.JS_FAILED);
    expect(update.error).toMatch(/the session could not start/);
    const record = await calls.get(call.id);
    expect(record.status).toBe('failed');
    expect(record.failureReason).toBe(update.error);
    expect(await callEvents.list(call.id)).toEqual([]);
  }, 60_000);

  it('a job naming a call that does not exist is failed with that reason', async () => {
    const callId = '00000000-0000-4000-8000-000000000001';
    const job = offer('AJ_missing', { callId, flowVersionId: version.id });
    await server.next('availability');
    server.send({ case: 'assignment', value: { job, token: 'room-token', url: 'ws://127.0.0.1:1' } });
    expect((await jobUpdate('AJ_missing', JobStatus.JS_FAILED)).error).toBe(`call ${callId} does not exist`);
  });
});
