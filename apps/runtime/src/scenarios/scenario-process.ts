import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ScenarioResult, SimulationResult } from '@parley/engine';
import type { ScenarioChildMessage, ScenarioJob, ScenarioParentMessage } from './scenario-ipc';

/** How much one scenario run may use before it is stopped. */
export interface ScenarioLimits {
  /** CPU time (RLIMIT_CPU, whole seconds): the kernel stops a run that computes longer. */
  cpuSeconds: number;
  /** Wall time: a run still going (waiting on a slow provider) is killed after it. */
  wallMs: number;
}

/** What a run produced: every scenario that finished, and why the rest did not (null when all ran). */
export interface ScenarioProcessOutcome {
  results: ScenarioResult[];
  simulations: SimulationResult[];
  stopped: string | null;
}

// Built JavaScript, like call processes (see isolation/call-process.ts): the test setup builds first.
const entry = fileURLToPath(new URL('../../dist/scenario-child.js', import.meta.url));
// Like call processes, scenario processes get no runtime credentials in their environment.
const credential = /secret|token|password|api[_-]?key|^database_url$/i;

/** One test's result as it ends, in the order the process runs them (scenarios, then simulations). */
export type ScenarioProgress =
  | { type: 'result'; result: ScenarioResult }
  | { type: 'simulation'; result: SimulationResult };

/**
 * Runs one job's scenarios in a process of its own, started under `ulimit -t` so the kernel
 * enforces the CPU-time limit even on a process stuck in one synchronous computation;
 * `onProgress` hears each test's result as it ends.
 */
export function runScenarioProcess(
  job: ScenarioJob,
  limits: ScenarioLimits,
  onProgress: (progress: ScenarioProgress) => void = () => {},
): Promise<ScenarioProcessOutcome> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !credential.test(name)));
  const cpu = Math.max(1, Math.ceil(limits.cpuSeconds));
  const child = spawn('/bin/sh', ['-c', `ulimit -t ${cpu} && exec "$0" "$@"`, process.execPath, entry], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    serialization: 'advanced',
    env,
  });
  const results: ScenarioResult[] = [];
  const simulations: SimulationResult[] = [];
  let done = false;
  child.on('error', () => {});
  child.on('message', (message: ScenarioChildMessage) => {
    if (message.type === 'ready') child.send({ type: 'run', job } satisfies ScenarioParentMessage);
    else if (message.type === 'result') {
      results.push(message.result);
      onProgress(message);
    } else if (message.type === 'simulation') {
      simulations.push(message.result);
      onProgress(message);
    } else if (message.type === 'done') done = true;
  });
  let timedOut = false;
  const wall = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, limits.wallMs);
  return new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      clearTimeout(wall);
      if (done && code === 0) return resolve({ results, simulations, stopped: null });
      let stopped = `the scenario process stopped (${signal ? `killed by ${signal}` : `exit code ${code}`})`;
      if (timedOut)
        stopped = `the run took longer than its ${Math.round(limits.wallMs / 1000)} s limit and was stopped`;
      else if (signal === 'SIGXCPU' || signal === 'SIGKILL') {
        stopped = `the run used its ${cpu} s of CPU time and was stopped; shorten the scenarios or the agents' replies`;
      }
      resolve({ results, simulations, stopped });
    });
  });
}
