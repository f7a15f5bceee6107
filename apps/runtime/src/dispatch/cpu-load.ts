import { cpus } from 'node:os';

/** Below this many CPU ticks (ms of CPU time over all cores) between samples, keep the last value. */
const MIN_SAMPLE_TICKS = 200;

interface CpuTimes {
  busy: number;
  total: number;
}

function readTimes(): CpuTimes {
  let busy = 0;
  let total = 0;
  for (const cpu of cpus()) {
    const { user, nice, sys, irq, idle } = cpu.times;
    busy += user + nice + sys + irq;
    total += user + nice + sys + irq + idle;
  }
  return { busy, total };
}

/**
 * Whole-machine CPU use as an exponential moving average of samples taken between calls,
 * so one busy moment does not mark the worker full (LiveKit balances on this number).
 */
export class CpuLoad {
  private last = readTimes();
  private average: number | null = null;

  /** `alpha` is the weight of the newest sample. */
  constructor(private readonly alpha = 0.5) {}

  /** Takes a sample and returns the smoothed load in 0..1. */
  sample(): number {
    const now = readTimes();
    const total = now.total - this.last.total;
    // Too little time since the last sample says nothing (right after start it can read 100%).
    if (total < MIN_SAMPLE_TICKS) return this.average ?? 0;
    const value = (now.busy - this.last.busy) / total;
    this.last = now;
    this.average = this.average === null ? value : this.alpha * value + (1 - this.alpha) * this.average;
    return Math.min(1, Math.max(0, this.average));
  }
}
