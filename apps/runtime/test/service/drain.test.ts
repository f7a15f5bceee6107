import { CallCloseCode } from '@parley/calls';
import { callEvents, calls, type VersionRecord } from '@parley/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CallClient } from '../support/call-client';
import { localCall, publishReceptionist } from '../support/flows';
import { RuntimeProcess } from '../support/runtime-process';

let version: VersionRecord;
let runtime: RuntimeProcess;
const clients: CallClient[] = [];

function wsUrl(base: string, callId: string, token: string): string {
  return `${base.replace('http', 'ws')}/calls/${callId}/ws?token=${encodeURIComponent(token)}`;
}

beforeAll(async () => {
  version = await publishReceptionist({ typedOnly: true });
});

afterAll(() => {
  for (const client of clients) client.close();
  runtime?.kill();
});

describe('SIGTERM drains the runtime', () => {
  it('refuses new calls, lets a call finish, ends the one still going at the timeout, records both, exits 0', async () => {
    runtime = new RuntimeProcess({ DRAIN_TIMEOUT_MS: '8000', CALL_SPARE_PROCESSES: '2' });
    const base = await runtime.listening;
    const finishing = await localCall(version);
    const lingering = await localCall(version);
    const late = await localCall(version);
    const a = new CallClient(wsUrl(base, finishing.call.id, finishing.token));
    const b = new CallClient(wsUrl(base, lingering.call.id, lingering.token));
    clients.push(a, b);
    await Promise.all([a.event('session_started'), b.event('session_started')]);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);

    runtime.child.kill('SIGTERM');
    await expect.poll(async () => (await fetch(`${base}/readyz`)).status).toBe(503);
    const ready = await (await fetch(`${base}/readyz`)).json();
    expect(ready).toMatchObject({ ready: false, reason: expect.stringMatching(/shutting down/) });
    expect((await fetch(`${base}/healthz`)).status).toBe(200);

    const refused = new CallClient(wsUrl(base, late.call.id, late.token));
    clients.push(refused);
    expect((await refused.closed).code).toBe(CallCloseCode.tryAgainLater);
    expect(refused.messages).toEqual([expect.objectContaining({ type: 'call_error', code: 'runtime_draining' })]);

    // A call may still finish normally while the runtime drains.
    a.sendJson({ type: 'user_text', text: 'I have a question about my bill' });
    await a.event('handoff');
    a.sendJson({ type: 'end_call' });
    expect((await a.closed).code).toBe(CallCloseCode.ended);

    // The other is ended by the runtime at the drain timeout.
    const bClosed = await b.closed;
    expect(bClosed).toEqual({ code: CallCloseCode.goingAway, reason: expect.stringMatching(/shutting down/) });
    expect(b.events.at(-1)).toMatchObject({ type: 'session_ended', reason: 'closed' });

    expect(await runtime.exited).toBe(0);
    expect(runtime.logs.map((line) => line.message)).toEqual(
      expect.arrayContaining(['signal received: draining', 'drain timeout: ending calls still running', 'drained']),
    );
    for (const { call } of [finishing, lingering]) {
      expect((await calls.get(call.id)).status).toBe('ended');
      const types = (await callEvents.list(call.id)).map((e) => e.type);
      expect(types[0]).toBe('agent_state');
      expect(types.at(-1)).toBe('session_ended');
    }
    expect((await calls.get(late.call.id)).status).toBe('pending');
  });
});
