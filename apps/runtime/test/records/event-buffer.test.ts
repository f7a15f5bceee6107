import { callEvents, calls, closeDb } from '@parley/db';
import type { SessionEvent } from '@parley/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log';
import { CallRecorder } from '../../src/records/call-recorder';
import { publishReceptionist } from '../support/flows';
import { TcpProxy } from '../support/tcp-proxy';

// This file's database connections go through a proxy the tests can cut: a real Postgres outage.
const direct = new URL(process.env.DATABASE_URL as string);
const proxy = new TcpProxy(direct.hostname, Number(direct.port || 5432));

beforeAll(async () => {
  const port = await proxy.start();
  const viaProxy = new URL(direct);
  viaProxy.hostname = '127.0.0.1';
  viaProxy.port = String(port);
  await closeDb();
  process.env.DATABASE_URL = viaProxy.toString();
});

afterAll(async () => {
  await closeDb();
  await proxy.stop();
});

async function newCall(): Promise<string> {
  const version = await publishReceptionist({ typedOnly: true });
  return (await calls.create({ flowVersionId: version.id, mode: 'local' })).id;
}

const vad = (t: number): SessionEvent => ({ type: 'vad', probability: 0.5, t });

function recorder(callId: string, lines: Record<string, unknown>[], maxBuffered?: number) {
  const log = createLogger({ callId }, (line) => lines.push(JSON.parse(line)));
  return new CallRecorder(callId, log, {
    intervalMs: 20,
    retry: { firstDelayMs: 50, maxDelayMs: 400 },
    ...(maxBuffered ? { maxBuffered } : {}),
  });
}

async function until(what: string, predicate: () => boolean): Promise<void> {
  await expect.poll(predicate, { timeout: 30_000, message: what }).toBe(true);
}

describe('call events through a database outage', () => {
  it('keeps every event written during the outage and stores them once the database is back', async () => {
    const callId = await newCall();
    const lines: Record<string, unknown>[] = [];
    const events = recorder(callId, lines);
    for (let i = 0; i < 50; i++) events.add(vad(i));
    await events.flush();

    await proxy.stop();
    for (let i = 50; i < 150; i++) events.add(vad(i));
    const flushed = events.flush();
    // At least two failed attempts: more than the old "retry once, then drop".
    await until(
      'two failed writes',
      () => lines.filter((l) => l.message === 'call events not stored yet; retrying').length >= 2,
    );
    await proxy.start();
    await flushed;
    await events.close(30_000);

    const stored = await callEvents.list(callId);
    expect(stored.map((e) => e.seq)).toEqual(Array.from({ length: 150 }, (_, i) => i));
    expect(events.droppedEvents).toBe(0);
    expect((await calls.get(callId)).eventsDropped).toBe(0);
  });

  it('holds at most maxBuffered events; past that it drops, and the call says so (counter and an event)', async () => {
    const callId = await newCall();
    const lines: Record<string, unknown>[] = [];
    const events = recorder(callId, lines, 40);
    events.add(vad(0));
    await events.flush();

    await proxy.stop();
    for (let i = 1; i <= 100; i++) events.add(vad(i));
    void events.flush();
    await until('a failed write', () => lines.some((l) => l.message === 'call events not stored yet; retrying'));
    await proxy.start();
    await events.close(30_000);

    expect(events.droppedEvents).toBe(60);
    const stored = await callEvents.list(callId);
    expect(stored).toHaveLength(1 + 40 + 1);
    expect(stored.at(-1)).toMatchObject({ type: 'events_dropped', payload: { count: 60 } });
    expect((await calls.get(callId)).eventsDropped).toBe(60);
  });
});
