import { readFileSync } from 'node:fs';
import { availableParallelism, freemem } from 'node:os';

/** What the machine looks like now, as admission sees it. */
export interface MachineSample {
  /** CPU used by the runtime and its call processes, as a share of all cores (0..1+). */
  ownCpuLoad: number;
  /** Memory the kernel could hand out now, MB (MemAvailable). */
  memoryAvailableMb: number;
}

/** The calls of this runtime at one moment. */
export interface CallCounts {
  /** Calls whose session runs. */
  running: number;
  /** Calls admitted whose session has not started yet (loading, waiting for a process, greeting). */
  starting: number;
  /** How long a call admitted now would wait for a call process, by the pool's estimate, ms. */
  startWaitMs: number;
}

export interface AdmissionLimits {
  maxCalls: number;
  /** Share of all cores (0..1) the runtime's calls may use, including what starting calls will add. */
  loadThreshold: number;
  /** Memory a call process takes once in conversation, MB. */
  callMemoryMb: number;
  /** Memory left to the rest of the machine, MB. */
  reserveMemoryMb: number;
  /** Longest wait for a call process a new call may face; beyond it calls are refused, not kept waiting. */
  maxStartWaitMs: number;
}

/** Load a call adds before any call has been measured: a share of one core, spread over all. */
const DEFAULT_CALL_CORES = 0.1;

/**
 * Why a new call would overload this machine, or null when it fits. Calls still starting count
 * at full weight in memory and at the measured per-call CPU (they are not in the sample yet), so
 * a rush of arrivals cannot all be admitted before the first of them shows up as load.
 */
export function admissionProblem(
  counts: CallCounts,
  machine: MachineSample,
  limits: AdmissionLimits,
  cores: number,
): string | null {
  const committed = counts.running + counts.starting;
  if (committed >= limits.maxCalls) {
    return `this runtime is at its limit of ${limits.maxCalls} concurrent calls`;
  }
  const perCall = counts.running > 0 ? machine.ownCpuLoad / counts.running : DEFAULT_CALL_CORES / cores;
  const projected = machine.ownCpuLoad + (counts.starting + 1) * perCall;
  if (committed > 0 && projected > limits.loadThreshold) {
    return (
      `this runtime is at capacity: its calls use ${pct(machine.ownCpuLoad)} of ${cores} CPU cores and ` +
      `${counts.starting} more are starting (limit ${pct(limits.loadThreshold)}); retry later or add runtimes`
    );
  }
  if (counts.startWaitMs > limits.maxStartWaitMs) {
    return (
      `this runtime is at capacity: a new call would wait about ${Math.round(counts.startWaitMs / 1000)} s ` +
      `for a call process (limit ${Math.round(limits.maxStartWaitMs / 1000)} s; ${counts.starting} calls are ` +
      'starting); retry later or add runtimes'
    );
  }
  const needed = (counts.starting + 1) * limits.callMemoryMb + limits.reserveMemoryMb;
  if (machine.memoryAvailableMb < needed) {
    return (
      `this runtime is at capacity: ${Math.round(machine.memoryAvailableMb)} MB of memory is free and ` +
      `${counts.starting + 1} starting call(s) need about ${limits.callMemoryMb} MB each ` +
      `(+${limits.reserveMemoryMb} MB reserve); retry later or add runtimes`
    );
  }
  return null;
}

function pct(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** MemAvailable from /proc/meminfo (Linux), else the OS's free memory, in MB. */
export function memoryAvailableMb(): number {
  try {
    const kb = /^MemAvailable:\s+(\d+) kB/m.exec(readFileSync('/proc/meminfo', 'utf8'))?.[1];
    if (kb !== undefined) return Number(kb) / 1024;
  } catch {
    // Not Linux: fall through.
  }
  return freemem() / 2 ** 20;
}

// Clock ticks per second of /proc/<pid>/stat times (USER_HZ; 100 on Linux in practice).
const TICKS_PER_SECOND = 100;

/** CPU ms `pid` has used, from /proc; null when it is gone or unreadable. */
function cpuMs(pid: number | 'self'): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/**
 * CPU the runtime and the processes working for its calls use, sampled over time. Only what each
 * process spends while it is watched counts: a warm spare that takes a call brings its boot time
 * with it, which is not load now (counted, one taken spare read as most of a core).
 */
export class OwnCpuLoad {
  private last: { at: number; used: Map<number | 'self', number> } | null = null;
  private average = 0;

  constructor(private readonly cores = availableParallelism()) {}

  /** Takes a sample over `pids` (call processes and shared programs) and returns the smoothed load (share of all cores). */
  sample(pids: readonly number[]): number {
    const at = performance.now();
    if (this.last && at - this.last.at < 500) return this.average;
    const used = new Map<number | 'self', number>();
    let spent = 0;
    for (const pid of ['self' as const, ...pids]) {
      const ms = cpuMs(pid);
      if (ms === null) continue;
      used.set(pid, ms);
      // A process seen for the first time counts from now on.
      spent += Math.max(0, ms - (this.last?.used.get(pid) ?? ms));
    }
    if (this.last) this.average = 0.5 * (spent / ((at - this.last.at) * this.cores)) + 0.5 * this.average;
    this.last = { at, used };
    return this.average;
  }
}
