import { describe, expect, it } from 'vitest';
import { SpareSizing } from '../../src/isolation/spare-sizing';

describe('spare sizing', () => {
  it('keeps the minimum when calls are rare and grows with the arrival rate, within the maximum', () => {
    let now = 0;
    const sizing = new SpareSizing({ min: 2, max: 6, windowMs: 10_000 }, () => now);
    expect(sizing.target()).toBe(2);
    sizing.booted(1000); // boots now take ~1 s on average
    // One call a second: covering two boot times of arrivals needs more than the minimum.
    for (let i = 0; i < 10; i++, now += 1000) sizing.arrived();
    expect(sizing.arrivalRate).toBeCloseTo(1, 1);
    expect(sizing.target()).toBe(2);
    for (let i = 0; i < 40; i++, now += 250) sizing.arrived();
    expect(sizing.target()).toBe(6);
    // The rush is over: once the window has passed, back to the minimum.
    now += 20_000;
    expect(sizing.target()).toBe(2);
  });
});
