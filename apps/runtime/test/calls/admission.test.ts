import { describe, expect, it } from 'vitest';
import { type AdmissionLimits, admissionProblem, memoryAvailableMb } from '../../src/calls/admission';

const limits: AdmissionLimits = {
  maxCalls: 20,
  loadThreshold: 0.75,
  callMemoryMb: 200,
  reserveMemoryMb: 256,
  maxStartWaitMs: 5000,
};
const roomy = { ownCpuLoad: 0, memoryAvailableMb: 16_000 };

describe('admission', () => {
  it('admits the first call on an idle machine and stops at MAX_CALLS, counting calls still starting', () => {
    expect(admissionProblem({ running: 0, starting: 0, startWaitMs: 0 }, roomy, limits, 2)).toBeNull();
    expect(admissionProblem({ running: 15, starting: 5, startWaitMs: 0 }, roomy, limits, 2)).toBe(
      'this runtime is at its limit of 20 concurrent calls',
    );
  });

  it('refuses before the CPU limit: starting calls are added at the per-call load the running ones show', () => {
    // 4 running calls use 40% of the machine: 10% each. 3 starting + this one would reach 80%.
    const busy = { ownCpuLoad: 0.4, memoryAvailableMb: 16_000 };
    expect(admissionProblem({ running: 4, starting: 2, startWaitMs: 0 }, busy, limits, 2)).toBeNull();
    expect(admissionProblem({ running: 4, starting: 3, startWaitMs: 0 }, busy, limits, 2)).toMatch(
      /at capacity: its calls use 40% of 2 CPU cores and 3 more are starting \(limit 75%\); retry later or add runtimes/,
    );
  });

  it('refuses when memory would not hold one more starting call, saying how much is free', () => {
    const tight = { ownCpuLoad: 0.1, memoryAvailableMb: 800 };
    expect(admissionProblem({ running: 1, starting: 1, startWaitMs: 0 }, tight, limits, 2)).toBeNull();
    expect(admissionProblem({ running: 1, starting: 3, startWaitMs: 0 }, tight, limits, 2)).toMatch(
      /800 MB of memory is free and 4 starting call\(s\) need about 200 MB each/,
    );
  });

  it('reads the memory the machine has available', () => {
    expect(memoryAvailableMb()).toBeGreaterThan(0);
  });

  it('refuses a call that would wait too long for a call process instead of keeping it waiting', () => {
    expect(admissionProblem({ running: 2, starting: 3, startWaitMs: 4000 }, roomy, limits, 2)).toBeNull();
    expect(admissionProblem({ running: 2, starting: 6, startWaitMs: 12_000 }, roomy, limits, 2)).toMatch(
      /a new call would wait about 12 s for a call process \(limit 5 s; 6 calls are starting\)/,
    );
  });
});
