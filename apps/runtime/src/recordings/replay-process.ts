import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ReplayResult } from '@parley/engine';
import type { ReplayChildMessage, ReplayJob, ReplayParentMessage } from './replay-ipc';

// Built JavaScript, like call and scenario processes: the test setup builds first.
const entry = fileURLToPath(new URL('../../dist/replay-child.js', import.meta.url));
const credential = /secret|token|password|api[_-]?key|^database_url$/i;

/** What a replay process answered: the result, no such recording, or why it failed. */
export type ReplayOutcome = { result: ReplayResult } | { missing: true } | { failed: string };

/** Replays one recording in a process of its own, killed after `wallMs`. */
export function runReplayProcess(job: ReplayJob, wallMs: number): Promise<ReplayOutcome> {
  // S3 keys travel in the job over IPC; the environment keeps no runtime credentials.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !credential.test(name)));
  const child = spawn(process.execPath, [entry], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], env });
  let outcome: ReplayOutcome | null = null;
  child.on('error', () => {});
  child.on('message', (message: ReplayChildMessage) => {
    if (message.type === 'ready') child.send({ type: 'run', job } satisfies ReplayParentMessage);
    else if (message.type === 'result') outcome = { result: message.result };
    else if (message.type === 'missing') outcome = { missing: true };
    else if (message.type === 'failed') outcome = { failed: message.reason };
  });
  const wall = setTimeout(() => child.kill('SIGKILL'), wallMs);
  return new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      clearTimeout(wall);
      resolve(
        outcome ?? { failed: `the replay process stopped (${signal ? `killed by ${signal}` : `exit code ${code}`})` },
      );
    });
  });
}
