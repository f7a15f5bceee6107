import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** `npm start` running in a checkout, with everything it printed so far. */
export interface RunningStart {
  child: ChildProcess;
  output(): string;
  /** Resolves with the exit code once npm and what it started have exited. */
  exited: Promise<number | null>;
}

// Only what a shell gives any user: no Parley, database or provider settings leak in from the test run.
const shellVariables = ['PATH', 'HOME', 'USER', 'LOGNAME', 'SHELL', 'LANG', 'TERM', 'TMPDIR'];

/** Runs `npm start` in `cwd` in its own process group (so SIGINT reaches it as Ctrl+C would). */
export function npmStart(cwd: string, ports: Record<string, string>): RunningStart {
  const env: NodeJS.ProcessEnv = { ...ports };
  for (const name of shellVariables) if (process.env[name] !== undefined) env[name] = process.env[name];
  const child = spawn('npm', ['start'], { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  const add = (chunk: Buffer) => {
    text += chunk.toString();
  };
  child.stdout?.on('data', add);
  child.stderr?.on('data', add);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => text, exited };
}

/** Ctrl+C in the terminal: SIGINT to every process of the group. */
export function pressCtrlC(start: RunningStart): void {
  if (start.child.pid && groupAlive(start.child.pid)) process.kill(-start.child.pid, 'SIGINT');
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Resolves once no process of npm start's group is left: npm itself dies of the SIGINT at once,
 * while what it started (web app, runtime, database) shuts down in its own time.
 */
export async function allStopped(start: RunningStart): Promise<void> {
  await start.exited;
  const pid = start.child.pid;
  while (pid && groupAlive(pid)) await new Promise((resolve) => setTimeout(resolve, 100));
}

/** Polls `probe` until it returns true; fails with npm start's output if npm start exits first. */
export async function waitUntil(start: RunningStart, what: string, probe: () => Promise<boolean>): Promise<void> {
  let gone = false;
  void start.exited.then(() => {
    gone = true;
  });
  while (!(await probe())) {
    if (gone) throw new Error(`npm start exited before ${what}:\n${start.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** True when nothing listens on `port` (127.0.0.1 or any address). */
export async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, () => server.close(() => resolve(true)));
  });
}
