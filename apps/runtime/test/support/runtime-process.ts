import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { TEST_SECRET } from './flows';

// Built by the test setup (scripts/runtime-build.ts), as `npm start` and the Docker image build it.
const main = fileURLToPath(new URL('../../dist/main.js', import.meta.url));

/** The runtime as its own process (`node dist/main.js`), as production runs it. */
export class RuntimeProcess {
  readonly child: ChildProcess;
  /** Every JSON log line it printed, parsed. */
  readonly logs: Record<string, unknown>[] = [];
  /** Everything it and its call processes printed on stdout and stderr (tests grep it for secrets). */
  output = '';
  /** Resolves with the exit code (null if killed by a signal). */
  readonly exited: Promise<number | null>;
  /** Resolves with the base URL once it listens. */
  readonly listening: Promise<string>;

  constructor(env: Record<string, string> = {}) {
    this.child = spawn(process.execPath, [main], {
      env: {
        ...process.env,
        PARLEY_SECRET: TEST_SECRET,
        RUNTIME_HOST: '127.0.0.1',
        RUNTIME_PORT: '0',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stderr?.on('data', (chunk: Buffer) => {
      this.output += chunk.toString();
      process.stderr.write(chunk);
    });
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
    this.listening = new Promise((resolve, reject) => {
      let pending = '';
      this.child.stdout?.on('data', (chunk: Buffer) => {
        this.output += chunk.toString();
        pending += chunk.toString();
        const lines = pending.split('\n');
        pending = lines.pop() ?? '';
        for (const line of lines) {
          if (!line.startsWith('{')) continue;
          const entry = JSON.parse(line) as Record<string, unknown>;
          this.logs.push(entry);
          if (entry.message === 'runtime listening') resolve(`http://127.0.0.1:${entry.port}`);
        }
      });
      void this.exited.then((code) => reject(new Error(`runtime exited with ${code} before listening`)));
    });
  }

  /** Sends SIGKILL if it is still running (test cleanup). */
  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }
}
