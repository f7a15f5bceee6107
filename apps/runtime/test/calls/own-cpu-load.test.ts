import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { OwnCpuLoad } from '../../src/calls/admission';

let child: ChildProcess | undefined;
afterEach(() => void child?.kill('SIGKILL'));

/** CPU ms process `pid` has used (Linux /proc). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Resolves once `predicate` holds, checking every 50 ms. */
async function until(predicate: () => boolean): Promise<void> {
  while (!predicate()) await new Promise((resolve) => setTimeout(resolve, 50));
}

/** A process that works 600 ms of CPU, says `ready`, then idles or stays busy for ever. */
function worker(then: 'idle' | 'busy'): ChildProcess {
  const body = `let t=Date.now();while(Date.now()-t<600);console.log('ready');${
    then === 'busy' ? 'for(;;);' : 'setInterval(()=>{},1000);'
  }`;
  return spawn(process.execPath, ['-e', body], { stdio: ['ignore', 'pipe', 'inherit'] });
}

async function started(process: ChildProcess): Promise<number> {
  await new Promise((resolve) => process.stdout?.once('data', resolve));
  return process.pid as number;
}

describe("the runtime's own CPU load", () => {
  it('counts what a process spends while watched, not the CPU it had spent before (a warm spare taking a call)', async () => {
    child = worker('idle');
    const pid = await started(child);
    const before = cpuMs(pid);
    expect(before).toBeGreaterThanOrEqual(500);
    const load = new OwnCpuLoad(2);
    load.sample([]);
    const from = performance.now();
    await until(() => performance.now() - from >= 600);
    const value = load.sample([pid]);
    // Counting its past would add half (the average's weight) of that CPU over this window; this
    // process's own work in the window is a small part of that.
    expect(value).toBeLessThan((0.25 * before) / ((performance.now() - from) * 2));
  });

  it('counts the CPU a watched process spends, over the time it was watched', async () => {
    child = worker('busy');
    const pid = await started(child);
    const load = new OwnCpuLoad(2);
    const from = performance.now();
    load.sample([pid]);
    const cpuFrom = cpuMs(pid);
    await until(() => performance.now() - from >= 500 && cpuMs(pid) - cpuFrom >= 100);
    const spent = cpuMs(pid) - cpuFrom;
    const value = load.sample([pid]);
    // Half weight on the newest sample (the average starts at 0); this process's part of it, at least.
    expect(value).toBeGreaterThanOrEqual((0.5 * (spent - 20)) / ((performance.now() - from) * 2));
  });
});
