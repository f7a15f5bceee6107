/**
 * `npm start`: Parley on one machine with nothing else installed — a migrated database
 * (DATABASE_URL, else an embedded PostgreSQL under data/), the web app on PORT (3000) and
 * the runtime. Offline providers need no API keys. Ctrl+C stops everything.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { ensureDatabase } from '@parley/db/bootstrap';
import { nextCli } from './next-cli';
import { dataDir, migrationsDir } from './repo-paths';
import { ensureRuntimeBuild } from './runtime-build';
import { embeddedDatabasePort, sharedSecrets } from './start-settings';
import { ensureWebBuild } from './web-build';

const port = process.env.PORT ?? '3000';
// PARLEY_DATA_DIR: where the web app and the runtime keep (and share) dev secrets when unset.
const dataDirEnv = process.env.PARLEY_DATA_DIR || dataDir;
const secrets = sharedSecrets({ ...process.env, PARLEY_DATA_DIR: dataDirEnv });
const database = await ensureDatabase({
  dataDir: join(dataDir, 'postgres'),
  migrationsDir,
  port: embeddedDatabasePort(),
});
console.log(
  `parley: database ready (${database.embedded ? `embedded PostgreSQL in ${database.dataDir}` : 'DATABASE_URL'})`,
);
await ensureWebBuild();
await ensureRuntimeBuild();

// Both processes get the same secrets: `next start` runs the web app with NODE_ENV=production,
// which would otherwise refuse the dev files the runtime reads.
const env = {
  ...process.env,
  ...secrets,
  PARLEY_DATA_DIR: dataDirEnv,
  DATABASE_URL: database.url,
  NEXT_TELEMETRY_DISABLED: '1',
};
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
