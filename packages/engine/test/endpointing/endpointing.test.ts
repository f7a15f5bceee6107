import { describe, expect, it } from 'vitest';
import { turnHandlingDefaults } from '../../src/flow/defaults';
import { Endpointing, type EndpointingSettings } from '../../src/session/endpointing';

const fixed: EndpointingSettings = { ...turnHandlingDefaults.endpointing, mode: 'fixed' };
const dynamic: EndpointingSettings = { ...turnHandlingDefaults.endpointing, mode: 'dynamic' };

describe('fixed endpointing', () => {
  it('waits minDelay for a complete turn and maxDelay for an unfinished or undetermined one', () => {
    const endpointing = new Endpointing(fixed);
    expect(endpointing.delayFor(true)).toBe(500);
    expect(endpointing.delayFor(false)).toBe(3000);
    expect(endpointing.delayFor(undefined)).toBe(3000);
  });

  it('ignores observed pauses', () => {
    const endpointing = new Endpointing(fixed);
    endpointing.onTurnEndPause(2000);
    endpointing.onPauseWithinTurn(800);
    expect(endpointing.values()).toEqual({ mode: 'fixed', minDelay: 500, maxDelay: 3000 });
  });
});

describe('dynamic endpointing', () => {
  it('moves the complete-turn delay toward turn-ending pauses by alpha per sample', () => {
    const endpointing = new Endpointing(dynamic);
    endpointing.onTurnEndPause(1500);
    // 0.9 * 500 + 0.1 * 1500: alpha weighs the history.
    expect(endpointing.minDelay).toBeCloseTo(600, 9);
    for (let i = 0; i < 60; i++) endpointing.onTurnEndPause(1500);
    expect(endpointing.minDelay).toBeGreaterThan(1490);
    expect(endpointing.minDelay).toBeLessThanOrEqual(1500);
    expect(endpointing.delayFor(true)).toBe(endpointing.minDelay);
  });

  it('moves the goes-on delay toward thinking pauses inside a turn', () => {
    const endpointing = new Endpointing(dynamic);
    const seen: number[] = [];
    for (let i = 0; i < 30; i++) {
      endpointing.onPauseWithinTurn(1200);
      seen.push(endpointing.maxDelay);
    }
    expect(seen[0]).toBeCloseTo(0.9 * 3000 + 0.1 * 1200, 9);
    // Strictly decreasing toward 1200 and never past it.
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeLessThan(seen[i - 1] as number);
    expect(seen.at(-1)).toBeGreaterThan(1200);
    expect(seen.at(-1)).toBeLessThan(1300);
    expect(endpointing.delayFor(false)).toBe(endpointing.maxDelay);
    expect(endpointing.minDelay).toBe(500);
  });

  it('clamps both averages to [minDelay, maxDelay]', () => {
    const endpointing = new Endpointing(dynamic);
    for (let i = 0; i < 100; i++) {
      endpointing.onTurnEndPause(20_000);
      endpointing.onPauseWithinTurn(10);
    }
    // Turn-end pauses far above maxDelay pin minDelay at 3000; the goes-on delay never drops below it.
    expect(endpointing.values()).toEqual({ mode: 'dynamic', minDelay: 3000, maxDelay: 3000 });
    const other = new Endpointing(dynamic);
    for (let i = 0; i < 100; i++) other.onPauseWithinTurn(10);
    expect(other.maxDelay).toBe(500);
    expect(other.minDelay).toBe(500);
  });

  it('keeps maxDelay fixed when asked, while still learning the complete-turn delay', () => {
    const endpointing = new Endpointing({ ...dynamic, keepMaxDelayFixed: true });
    for (let i = 0; i < 10; i++) {
      endpointing.onPauseWithinTurn(700);
      endpointing.onTurnEndPause(900);
    }
    expect(endpointing.maxDelay).toBe(3000);
    expect(endpointing.minDelay).toBeGreaterThan(700);
  });

  it('honours a custom alpha and ignores invalid samples', () => {
    const endpointing = new Endpointing({ ...dynamic, alpha: 0.5 });
    endpointing.onTurnEndPause(1500);
    expect(endpointing.minDelay).toBe(1000);
    endpointing.onTurnEndPause(Number.NaN);
    endpointing.onTurnEndPause(-5);
    expect(endpointing.minDelay).toBe(1000);
  });
});

describe('remaining wait', () => {
  it('counts the delay from the real end of speech, so the VAD silence window overlaps it', () => {
    const endpointing = new Endpointing(fixed);
    const realEnd = 10_000;
    // The VAD confirms the end 550 ms later: only the rest of minDelay is left.
    expect(endpointing.remainingWait(realEnd, realEnd + 550, true)).toBe(0);
    expect(endpointing.remainingWait(realEnd, realEnd + 200, true)).toBe(300);
    expect(endpointing.remainingWait(realEnd, realEnd + 550, false)).toBe(2450);
    expect(endpointing.remainingWait(realEnd, realEnd + 5000, undefined)).toBe(0);
  });
});
