/**
 * Call-process boot: how long a call process takes from fork to `ready` (engine loaded, offline
 * providers warmed), the CPU it spends doing so, and its memory (PSS) once ready and idle; one at
 * a time (a warm machine) and BURST at once (a pool refilling after a rush).
 * Run: npm run bench -- call-boot
 */
import { pathToFileURL } from 'node:url';
import { percentile, printResults } from '../../../packages/engine/bench/stats';
import { ensureRuntimeBuild } from '../../../scripts/runtime-build';
import { CallProcess } from '../src/isolation/call-process';
import { SharedServices } from '../src/isolation/shared-services';
import { processCpuMs } from './process-cpu';
import { processPssMb } from './process-memory';

const SEQUENTIAL = 5;
const BURST = 5;

interface Boot {
  ms: number;
  cpuMs: number;
  pssMb: number;
}

async function boot(services: SharedServices): Promise<Boot> {
  const started = performance.now();
  const process = new CallProcess(services);
  await process.ready;
  const ms = performance.now() - started;
  const pid = process.pid as number;
  const result = { ms, cpuMs: processCpuMs(pid) ?? Number.NaN, pssMb: processPssMb(pid) ?? Number.NaN };
  await process.kill();
  return result;
}

function summary(prefix: string, boots: Boot[]): Record<string, number> {
  const of = (pick: (b: Boot) => number) => boots.map(pick);
  return {
    [`${prefix}.ready_ms.p50`]: percentile(
      of((b) => b.ms),
      50,
    ),
    [`${prefix}.ready_ms.max`]: Math.max(...of((b) => b.ms)),
    [`${prefix}.boot_cpu_ms.p50`]: percentile(
      of((b) => b.cpuMs),
      50,
    ),
    [`${prefix}.idle_pss_mb.p50`]: percentile(
      of((b) => b.pssMb),
      50,
    ),
  };
}

/** Boots call processes one at a time, then BURST at once; returns every number it prints. */
export async function runCallBootBench(): Promise<Record<string, number>> {
  await ensureRuntimeBuild(); // what call processes run
  const services = new SharedServices(); // as the runtime runs them: once for all call processes
  await services.warm();
  await boot(services); // Page cache and compile caches warm, as on a machine that has run before.
  const sequential: Boot[] = [];
  for (let i = 0; i < SEQUENTIAL; i++) sequential.push(await boot(services));
  const burst = await Promise.all(Array.from({ length: BURST }, () => boot(services)));
  const sharedPssMb = services.pids().reduce((sum, pid) => sum + (processPssMb(pid) ?? 0), 0);
  await services.close();
  return {
    ...summary('one_at_a_time', sequential),
    ...summary(`burst_of_${BURST}`, burst),
    'shared_programs.pss_mb': sharedPssMb,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  printResults('call-process boot', await runCallBootBench());
  process.exit(0);
}
