/**
 * `npm start`: Parley on one machine with nothing else installed — a migrated database
 * (DATABASE_URL, else an embedded PostgreSQL under data/), the web app on PORT (3000) and
 * the runtime. Offline providers need no API keys. Ctrl+C stops everything.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { ensureDatabase } from '@parley/db/bootstrap';
import { nextCli } from './next-cli';
import { ensureRuntimeBuild } from './runtime-build';
import { ensureWebBuild } from './web-build';

const port = process.env.PORT ?? '3000';
const database = await ensureDatabase();
console.log(`parley: database ready (${database.embedded ? 'embedded PostgreSQL in data/postgres' : 'DATABASE_URL'})`);
await ensureWebBuild();
await ensureRuntimeBuild();

const env = { ...process.env, DATABASE_URL: database.url, NEXT_TELEMETRY_DISABLED: '1' };
const children: ChildProcess[] = [
  // Node runs Next's CLI itself (not through npx), so stopping this child stops the server.
  spawn(process.execPath, [nextCli, 'start', '-p', port], { cwd: 'apps/web', env, stdio: 'inherit' }),
  // The runtime as built JavaScript: no TypeScript loader in the service or its call processes.
  spawn(process.execPath, ['apps/runtime/dist/main.js'], { env, stdio: 'inherit' }),
];
console.log(`parley: web app on http://localhost:${port}; runtime on port ${process.env.RUNTIME_PORT ?? '3001'}`);

let stopping = false;
async function stop(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(
    children.map((child) => (child.exitCode === null ? new Promise((r) => child.once('exit', r)) : null)),
  );
  await database.stop();
  process.exit(code);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stop(0));
for (const child of children) child.once('exit', (code) => void stop(code ?? 1));
