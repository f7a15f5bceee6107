import { describe, expect, it } from 'vitest';
import { CpuLoad } from '../../src/dispatch/cpu-load';

describe('CpuLoad', () => {
  it('reads 0, not a spurious 100%, right after start', () => {
    expect(new CpuLoad().sample()).toBe(0);
  });

  it('rises while a core is busy and stays within 0..1', async () => {
    const load = new CpuLoad(1);
    const until = Date.now() + 400;
    while (Date.now() < until) Math.sqrt(Math.random());
    const busy = load.sample();
    expect(busy).toBeGreaterThan(0);
    expect(busy).toBeLessThanOrEqual(1);
  });
});
