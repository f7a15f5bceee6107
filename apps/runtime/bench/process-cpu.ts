import { readFileSync } from 'node:fs';

// Clock ticks per second of /proc/<pid>/stat times (USER_HZ; 100 on Linux everywhere in practice).
const TICKS_PER_SECOND = 100;

/**
 * CPU time (user + system, ms) a live process has used so far, with that of its finished child
 * processes (the offline recognizer runs as one), from /proc (Linux); null once it is gone.
 */
export function processCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime, stime, cutime, cstime: fields 14-17 of proc(5), 11-14 here.
    const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0);
    return (ticks * 1000) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}
