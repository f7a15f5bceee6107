import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { freePort } from '@parley/db/free-port';

const webRoot = fileURLToPath(new URL('../..', import.meta.url));
const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');
// A build directory of the tests' own, so a developer's `.next` is never replaced under them.
const distDir = '.next-test';
const secretsKey = randomBytes(32).toString('base64');

/** A running `next start` of the app and how to stop it. */
export interface NextServer {
  url: string;
  /** Everything the server printed on stdout and stderr so far. */
  output(): string;
  stop(): Promise<void>;
}

function nextEnv(databaseUrl: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: databaseUrl,
    PARLEY_WEB_DIST_DIR: distDir,
    NEXT_TELEMETRY_DISABLED: '1',
    NODE_ENV: 'production',
    // Production mode requires a secrets key; each run makes its own.
    PARLEY_SECRETS_KEY: secretsKey,
  };
}

/** Runs `next build` for the app; rejects with the build's output if it fails. */
export async function buildApp(databaseUrl: string): Promise<void> {
  const child = spawn(process.execPath, [nextBin, 'build'], { cwd: webRoot, env: nextEnv(databaseUrl) });
  const output = collect(child);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`next build failed (exit ${code}):\n${output()}`);
}

/** Starts `next start` on a free port against `databaseUrl` (with `env` added) and resolves once it answers HTTP. */
export async function startApp(databaseUrl: string, env: Record<string, string> = {}): Promise<NextServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [nextBin, 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: webRoot,
    env: { ...nextEnv(databaseUrl), ...env },
  });
  const output = collect(child);
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  let gone = false;
  void exited.then(() => {
    gone = true;
  });
  while (!(await answers(url))) {
    if (gone) throw new Error(`next start exited before serving:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url, output, stop };
}

async function answers(url: string): Promise<boolean> {
  try {
    await fetch(`${url}/api/auth/session`);
    return true;
  } catch {
    return false;
  }
}

function collect(child: ChildProcess): () => string {
  let text = '';
  const add = (chunk: Buffer) => {
    text += chunk.toString();
  };
  child.stdout?.on('data', add);
  child.stderr?.on('data', add);
  return () => text;
}
