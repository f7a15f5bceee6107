import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from '@parley/test-support/free-port';
import { nextCli } from '../../scripts/next-cli';
import { buildWeb, webBuildIsStale } from '../../scripts/web-build';

const root = join(import.meta.dirname, '..', '..');
const webDir = join(root, 'apps', 'web');
/** The e2e build's own directory, so it never clobbers a developer's `.next` or the API tests' build. */
export const E2E_DIST_DIR = '.next-e2e';

/** Builds the web app into the e2e dist dir unless that build is newer than every source. */
export function ensureE2eBuild(): void {
  if (webBuildIsStale(E2E_DIST_DIR)) buildWeb(E2E_DIST_DIR);
}

/** A running `next start`. */
export interface WebServer {
  url: string;
  /** Everything it printed so far (e.g. the first-run setup code). */
  output(): string;
  stop(): Promise<void>;
}

/** Starts `next start` on a free port against `databaseUrl` (with `env` over ours) and waits until the API answers. */
export async function startWeb(databaseUrl: string, env: NodeJS.ProcessEnv = {}): Promise<WebServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [nextCli, 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: webDir,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PARLEY_WEB_DIST_DIR: E2E_DIST_DIR,
      NEXT_TELEMETRY_DISABLED: '1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    printed += chunk.toString();
    process.stdout.write(chunk);
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    printed += chunk.toString();
    process.stderr.write(chunk);
  });
  const output = () => printed;
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
      if (response.status === 200 || response.status === 401) return { url, output, stop };
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
