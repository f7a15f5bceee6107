import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { decodeAgentAudio, type ServerMessage } from '@parley/calls';
import { startEmbeddedPostgres } from '@parley/db/embedded';
import { templates } from '@parley/engine/templates';
import { freePort } from '@parley/test-support/free-port';
import pg from 'pg';
import { afterAll, expect, test } from 'vitest';
import WebSocket from 'ws';
import { copyCheckout } from './checkout-copy';
import { allStopped, npmStart, portIsFree, pressCtrlC, type RunningStart, waitUntil } from './npm-start';

const root = resolve(import.meta.dirname, '../..');
let copy: string | undefined;
let start: RunningStart | undefined;

afterAll(async () => {
  if (start) {
    pressCtrlC(start);
    await allStopped(start);
  }
  if (!copy) return;
  // A checkout closed to user postgres keeps its cluster under /var/lib/parley (the notice says where).
  const moved = /the database cluster for \S+ lives in (\S+)/.exec(start?.output() ?? '')?.[1];
  if (moved) rmSync(moved, { recursive: true, force: true });
  rmSync(copy, { recursive: true, force: true });
});

/** A browser-like client of the web app: keeps cookies and sends the CSRF token. */
function webClient(base: string) {
  const cookies = new Map<string, string>();
  return async <T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> => {
    const headers: Record<string, string> = { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const csrf = cookies.get('parley_csrf');
    if (csrf && method !== 'GET') headers['x-csrf-token'] = csrf;
    const response = await fetch(`${base}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const set of response.headers.getSetCookie()) {
      const [name = '', ...value] = (set.split(';')[0] ?? '').split('=');
      cookies.set(name, value.join('='));
    }
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };
}

const answers = (url: string) => async () => {
  try {
    return (await fetch(url)).status < 500;
  } catch {
    return false;
  }
};

test('a fresh checkout: npm start serves, the first test call talks, Ctrl+C frees every port and keeps the call', async () => {
  copy = copyCheckout(root);
  const [webPort, runtimePort, dbPort] = [await freePort(), await freePort(), await freePort()];
  start = npmStart(copy, { PORT: String(webPort), RUNTIME_PORT: String(runtimePort), PARLEY_DB_PORT: String(dbPort) });
  const base = `http://127.0.0.1:${webPort}`;
  await waitUntil(start, 'the web app answered', answers(`${base}/api/auth/session`));
  await waitUntil(start, 'the runtime was ready', async () => {
    try {
      return (await fetch(`http://127.0.0.1:${runtimePort}/readyz`)).ok;
    } catch {
      return false;
    }
  });

  // The first visitor proves they can read the server's console: npm start prints the setup code.
  const printed = /Parley setup code: (\S+)/;
  await waitUntil(start, 'the setup code was printed', async () => printed.test(start?.output() ?? ''));
  const setupCode = printed.exec(start.output())?.[1];
  const web = webClient(base);
  const setup = await web('POST', '/api/auth/setup', {
    email: 'admin@example.com',
    password: 'a long enough password',
    setupCode,
  });
  expect(setup.status, JSON.stringify(setup.body)).toBe(201);
  // Workspace secrets are encrypted with the key npm start shares with the runtime.
  const secret = await web('PUT', '/api/secrets/DEMO_TOKEN', { value: 'not a real token' });
  expect(secret.status, JSON.stringify(secret.body)).toBe(204);
  const template = templates[0];
  if (!template) throw new Error('no templates');
  const created = await web<{ flow: { id: string } }>('POST', '/api/flows', template.spec);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const started = await web<{ mode: string; url: string; token: string; callId: string }>(
    'POST',
    `/api/flows/${created.body.flow.id}/calls`,
    {},
  );
  expect(started.status, JSON.stringify(started.body)).toBe(201);
  expect(started.body.mode).toBe('local');

  // The runtime's WebSocket, as the tester page joins it.
  const socket = new WebSocket(`${started.body.url}?token=${encodeURIComponent(started.body.token)}`);
  const messages: ServerMessage[] = [];
  let loudest = 0;
  let waiters: (() => void)[] = [];
  const changed = () => {
    for (const wake of waiters) wake();
    waiters = [];
  };
  socket.on('message', (data: Buffer, isBinary: boolean) => {
    if (isBinary) {
      for (const sample of decodeAgentAudio(new Uint8Array(data)).samples)
        loudest = Math.max(loudest, Math.abs(sample));
    } else {
      messages.push(JSON.parse(data.toString()) as ServerMessage);
    }
    changed();
  });
  const closed = new Promise<number>((done) => socket.once('close', (code) => done(code)));
  const until = async (what: string, ok: () => boolean) => {
    let open = true;
    void closed.then(() => {
      open = false;
      changed();
    });
    while (!ok()) {
      if (!open) throw new Error(`the call's socket closed before ${what}: ${JSON.stringify(messages.slice(-5))}`);
      await new Promise<void>((wake) => waiters.push(wake));
    }
  };
  const replies = () => messages.filter((m) => m.type === 'assistant_message');

  await until('the greeting was spoken', () => replies().length >= 1 && loudest > 1000);
  expect(replies()[0]).toMatchObject({ interrupted: false });
  socket.send(JSON.stringify({ type: 'user_text', text: 'I have a question about my bill' }));
  await until('a reply to the typed text', () => replies().length >= 2);
  socket.send(JSON.stringify({ type: 'end_call' }));
  expect(await closed).toBe(1000);

  pressCtrlC(start);
  await allStopped(start);
  for (const port of [webPort, runtimePort, dbPort])
    expect(await portIsFree(port), `port ${port} still taken`).toBe(true);

  // What npm start stored is still there once it has stopped.
  const server = await startEmbeddedPostgres({
    dataDir: join(copy, 'data', 'postgres'),
    port: await freePort(),
    log: () => {},
  });
  const db = new pg.Client({ connectionString: server.url.replace(/\/postgres$/, '/parley') });
  try {
    await db.connect();
    const call = await db.query('SELECT status FROM calls WHERE id = $1', [started.body.callId]);
    expect(call.rows).toEqual([{ status: 'ended' }]);
    const events = await db.query('SELECT type FROM call_events WHERE call_id = $1 ORDER BY seq', [
      started.body.callId,
    ]);
    const types = events.rows.map((row: { type: string }) => row.type);
    expect(types).toContain('assistant_message');
    expect(types.at(-1)).toBe('session_ended');
  } finally {
    await db.end();
    await server.stop();
  }
});
