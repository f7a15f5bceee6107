import { readdirSync, readFileSync } from 'node:fs';
import { CallCloseCode } from '@parley/calls';
import { callEvents, calls, type VersionRecord } from '@parley/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CallClient } from '../support/call-client';
import { localCall, publishReceptionist } from '../support/flows';
import { startTestRuntime, type TestRuntime } from '../support/test-runtime';

let runtime: TestRuntime;
let version: VersionRecord;
const clients: CallClient[] = [];

async function startCall(): Promise<{ callId: string; client: CallClient }> {
  const { call, token } = await localCall(version);
  const client = new CallClient(runtime.callUrl(call.id, token));
  clients.push(client);
  await client.event('session_started');
  return { callId: call.id, client };
}

/** The parent process id of `pid`, from /proc (Linux). */
function parentPid(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
}

/** The child process ids of `pid`, from /proc (Linux). */
function childrenOf(pid: number): number[] {
  return readdirSync(`/proc/${pid}/task`).flatMap((task) =>
    readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' ').filter(Boolean).map(Number),
  );
}

beforeAll(async () => {
  runtime = await startTestRuntime({ spareProcesses: 2 });
  version = await publishReceptionist({ typedOnly: true });
}, 60_000);

afterAll(async () => {
  for (const client of clients) client.close();
  await runtime?.drain();
});

describe('each call in its own process', () => {
  it('a killed call process fails only its call, keeping its events; the call beside it goes on', async () => {
    const doomed = await startCall();
    const survivor = await startCall();
    const pid = runtime.supervisor.get(doomed.callId)?.pid;
    const survivorPid = runtime.supervisor.get(survivor.callId)?.pid;
    expect(pid).toEqual(expect.any(Number));
    expect(survivorPid).not.toBe(pid);
    expect(pid).not.toBe(process.pid);
    // The call's process holds no runtime credentials (it gets its session's secrets over IPC).
    expect(process.env.DATABASE_URL).toBeTruthy();
    expect(readFileSync(`/proc/${pid}/environ`, 'utf8')).not.toContain('DATABASE_URL=');
    // Both calls speak through the runtime's shared eSpeak NG programs, children of the runtime
    // (this process), not of either call's process.
    const shared = runtime.services.pids();
    expect(shared.length).toBeGreaterThan(0);
    for (const program of shared) expect(parentPid(program)).toBe(process.pid);
    expect(childrenOf(pid as number)).toEqual([]);
    expect(doomed.client.audio.length).toBeGreaterThan(0);

    doomed.client.sendJson({ type: 'user_text', text: 'something is broken' });
    await doomed.client.event('handoff');
    await expect.poll(async () => (await calls.get(doomed.callId)).status).toBe('active');
    process.kill(pid as number, 'SIGKILL');

    const closed = await doomed.client.closed;
    expect(closed.code).toBe(CallCloseCode.failed);
    expect(doomed.client.messages.at(-1)).toMatchObject({
      type: 'call_error',
      code: 'call_failed',
      fatal: true,
      message: expect.stringMatching(/killed by SIGKILL/),
    });
    const record = await calls.get(doomed.callId);
    expect(record.status).toBe('failed');
    expect(record.failureReason).toMatch(/stopped before the call ended \(killed by SIGKILL\)/);
    const kept = await callEvents.list(doomed.callId);
    expect(kept.map((e) => e.type)).toEqual(expect.arrayContaining(['session_started', 'transcript', 'handoff']));
    expect(kept.map((e) => e.seq)).toEqual(kept.map((_, i) => i));
    expect(kept.some((e) => e.type === 'session_ended')).toBe(false);

    // The shared programs outlive the killed call and still speak for the one beside it.
    expect(runtime.services.pids()).toEqual(shared);
    const heard = survivor.client.audio.length;
    survivor.client.sendJson({ type: 'user_text', text: 'I have a question about my bill' });
    expect(await survivor.client.event('handoff')).toMatchObject({ to: 'billing' });
    await survivor.client.waitFor('billing to speak', () => survivor.client.audio.length > heard);
    survivor.client.sendJson({ type: 'end_call' });
    expect((await survivor.client.closed).code).toBe(CallCloseCode.ended);
    await expect.poll(async () => (await calls.get(survivor.callId)).status).toBe('ended');
  });
});
