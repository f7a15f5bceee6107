import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, test } from 'vitest';
import { CallCapReachedError, closeDb, flows, forWorkspace, rateLimits, versions, workspaces } from '../src/index';
import { validSpec } from './fixtures';

afterAll(closeDb);

describe('rate limits in Postgres (a sliding window)', () => {
  test('20 racing events against a limit of 5: exactly 5 pass, the rest are told how long to wait', async () => {
    const key = `test:${randomUUID()}`;
    const rule = { limit: 5, windowMs: 60_000 };
    const waits = await Promise.all(Array.from({ length: 20 }, () => rateLimits.take(key, rule)));
    expect(waits.filter((ms) => ms === 0)).toHaveLength(5);
    for (const ms of waits.filter((ms) => ms > 0)) expect(ms).toBeLessThanOrEqual(60_000);
    expect(await rateLimits.peek(key, rule)).toBeGreaterThan(0);
    expect(await rateLimits.peek(`test:${randomUUID()}`, rule)).toBe(0);
  });

  test('peek counts nothing and giveBack returns one event', async () => {
    const key = `test:${randomUUID()}`;
    const rule = { limit: 2, windowMs: 60_000 };
    expect(await rateLimits.take(key, rule)).toBe(0);
    expect(await rateLimits.peek(key, rule)).toBe(0);
    expect(await rateLimits.take(key, rule)).toBe(0);
    expect(await rateLimits.peek(key, rule)).toBeGreaterThan(0);
    await rateLimits.giveBack(key);
    expect(await rateLimits.take(key, rule)).toBe(0);
  });
});

describe('test-call admission', () => {
  test('7 racing call starts against a cap of 5: exactly 5 calls exist afterwards', async () => {
    const workspaceId = (await workspaces.create('Capped')).id;
    const flow = await flows.create(validSpec('Capped'), workspaceId);
    const version = await versions.publish(flow.id, 'v1');
    const repos = forWorkspace(workspaceId);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 7 }, () => repos.calls.createCapped({ flowVersionId: version.id, mode: 'local' }, 5)),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(5);
    for (const o of outcomes.filter((o) => o.status === 'rejected')) {
      expect((o as PromiseRejectedResult).reason).toBeInstanceOf(CallCapReachedError);
    }
    expect(await repos.calls.countOpen()).toBe(5);
  });
});
