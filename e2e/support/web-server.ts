import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../../packages/db/src/free-port';

const root = join(import.meta.dirname, '..', '..');
const webDir = join(root, 'apps', 'web');
/** The e2e build's own directory, so it never clobbers a developer's `.next` or the API tests' build. */
export const E2E_DIST_DIR = '.next-e2e';
const sources = [
  'apps/web/app',
  'apps/web/src',
  'apps/web/next.config.ts',
  'packages/engine/src',
  'packages/db/src',
  'packages/calls/src',
];

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

/** True when there is no e2e build, or a source file changed after it. */
export function buildIsStale(): boolean {
  const buildId = join(webDir, E2E_DIST_DIR, 'BUILD_ID');
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  return sources.some((source) => existsSync(join(root, source)) && newestMtime(join(root, source)) > built);
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: webDir, env, stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`)),
    );
  });
}

const nextBin = join(root, 'node_modules', 'next', 'dist', 'bin', 'next');

/** Runs `next build` into the e2e dist dir. */
export function buildWeb(): Promise<void> {
  return run(process.execPath, [nextBin, 'build'], {
    ...process.env,
    PARLEY_WEB_DIST_DIR: E2E_DIST_DIR,
    NEXT_TELEMETRY_DISABLED: '1',
  });
}

/** A running `next start`. */
export interface WebServer {
  url: string;
  stop(): Promise<void>;
}

/** Starts `next start` on a free port against `databaseUrl` (with `env` over ours) and waits until the API answers. */
export async function startWeb(databaseUrl: string, env: NodeJS.ProcessEnv = {}): Promise<WebServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [nextBin, 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: webDir,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PARLEY_WEB_DIST_DIR: E2E_DIST_DIR,
      NEXT_TELEMETRY_DISABLED: '1',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    try {
      // 401 is an answer: the API is up and wants a session.
      const response = await fetch(`${url}/api/auth/session`);
      if (response.status === 200 || response.status === 401) return { url, stop };
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error('next start did not answer within 60 s');
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}
