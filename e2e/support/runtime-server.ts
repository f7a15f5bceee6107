import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from '@parley/test-support/free-port';
import { ensureRuntimeBuild } from '../../scripts/runtime-build';

const root = join(import.meta.dirname, '..', '..');

/** A running runtime service (apps/runtime) for the browser tests. */
export interface RuntimeServer {
  /** ws://127.0.0.1:port: where the browser opens local-mode calls. */
  wsUrl: string;
  stop(): Promise<void>;
}

/**
 * Starts the real runtime on a free port with the same database and PARLEY_SECRET as the web
 * server (local mode only: LiveKit variables are removed) and waits until /readyz says it takes calls.
 */
export async function startRuntime(databaseUrl: string, secret: string): Promise<RuntimeServer> {
  // The built runtime, as `npm start` runs it (its call processes run the build in any case).
  await ensureRuntimeBuild();
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    PARLEY_SECRET: secret,
    RUNTIME_HOST: '127.0.0.1',
    RUNTIME_PORT: String(port),
    DRAIN_TIMEOUT_MS: '3000',
    // A failed post-call webhook is retried half a second later, so a browser test sees the retry.
    WEBHOOK_RETRY_BASE_MS: '500',
    WEBHOOK_POLL_MS: '200',
  };
  for (const name of ['LIVEKIT_URL', 'LIVEKIT_API_KEY', 'LIVEKIT_API_SECRET']) delete env[name];
  const child: ChildProcess = spawn(process.execPath, ['apps/runtime/dist/main.js'], {
    cwd: root,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the runtime exited with ${child.exitCode} while starting`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/readyz`)).ok) return { wsUrl: `ws://127.0.0.1:${port}`, stop };
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error('the runtime was not ready within 60 s');
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}
