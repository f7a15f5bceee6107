import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { RuntimeProcess } from '../support/runtime-process';
import { startTestRuntime, type TestRuntime } from '../support/test-runtime';

let runtime: TestRuntime;
beforeAll(async () => {
  runtime = await startTestRuntime({ spareProcesses: 0 });
});
afterAll(async () => runtime?.drain());

describe('runtime HTTP', () => {
  it('/healthz says the process is up; /readyz that it takes calls', async () => {
    const health = await fetch(`${runtime.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${runtime.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true, calls: 0 });
  });

  it('/metrics gives the pool, the calls and the overload counters as Prometheus text', async () => {
    const response = await fetch(`${runtime.url}/metrics`);
    expect(response.status).toBe(200);
    const text = await response.text();
    for (const name of [
      'parley_calls_running 0',
      'parley_calls_starting 0',
      'parley_call_processes_ready',
      'parley_call_starts_waiting 0',
      'parley_calls_refused_full_total 0',
      'parley_session_behind_realtime_total 0',
    ])
      expect(text).toContain(name);
  });

  it('answers unknown routes and methods with what exists', async () => {
    const missing = await fetch(`${runtime.url}/calls`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: string }).error).toMatch(/try \/healthz, \/readyz, \/metrics/);
    expect((await fetch(`${runtime.url}/healthz`, { method: 'POST' })).status).toBe(405);
  });

  it('refuses a WebSocket to any other path', async () => {
    const socket = new WebSocket(`${runtime.url.replace('http', 'ws')}/somewhere`);
    const status = await new Promise<number | undefined>((resolve) => {
      socket.on('unexpected-response', (_, response) => resolve(response.statusCode));
      socket.on('error', () => resolve(undefined));
    });
    expect(status).toBe(404);
  });

  it('/readyz is 503 with the reason when the database is unreachable, while /healthz stays 200', async () => {
    const unreachable = new RuntimeProcess({
      DATABASE_URL: 'postgresql://postgres@127.0.0.1:1/nowhere',
      CALL_SPARE_PROCESSES: '0',
    });
    try {
      const base = await unreachable.listening;
      const ready = await fetch(`${base}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({
        ready: false,
        reason: expect.stringMatching(/^database unreachable: /),
      });
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      unreachable.child.kill('SIGTERM');
      expect(await unreachable.exited).toBe(0);
    } finally {
      unreachable.kill();
    }
  });
});
