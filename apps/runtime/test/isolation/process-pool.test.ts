import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ProcessPool } from '../../src/isolation/process-pool';
import { SharedServices } from '../../src/isolation/shared-services';
import { createLogger } from '../../src/log';

let pool: ProcessPool | undefined;
const services = new SharedServices();
afterEach(async () => pool?.close());
afterAll(() => services.close());

describe('call process pool', () => {
  it('serves a rush in order from processes booted a bounded number at a time, one process per call', async () => {
    const queued: number[] = [];
    pool = new ProcessPool({
      min: 1,
      max: 2,
      maxBooting: 1,
      services,
      log: createLogger({}, () => {}),
      onQueue: (waiting) => queued.push(waiting),
    });
    expect(pool.state).toMatchObject({ booting: 1, ready: 0 });
    const taken = [pool.take(), pool.take(), pool.take()];
    expect(pool.state.waiting).toBe(3);
    expect(pool.state.booting).toBe(1); // never more than maxBooting at once
    // A fourth caller would wait for three boots after the one under way.
    expect(pool.expectedWaitMs(0)).toBeGreaterThan(pool.expectedWaitMs(-2));
    const processes = await Promise.all(taken);
    expect(new Set(processes.map((p) => p.pid)).size).toBe(3);
    expect(processes.every((p) => p.alive)).toBe(true);
    expect(Math.max(...queued)).toBe(3);
    // After the rush, spares come back (the arrival rate keeps more than the minimum warm).
    await expect.poll(() => pool?.state.ready, { timeout: 60_000 }).toBeGreaterThanOrEqual(1);
    await Promise.all(processes.map((p) => p.kill()));
  }, 120_000);
});
