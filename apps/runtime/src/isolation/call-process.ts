import { type ChildProcess, fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ChildMessage, ParentMessage, ServiceRequest } from './ipc-messages';
import type { SharedServices } from './shared-services';

/** How a call process ended. */
export interface CallProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

// A call process gets its session's secrets in the start message, nothing more: the runtime's
// own credentials (database, PARLEY_SECRET, LiveKit keys, provider keys) stay out of its env.
const credential = /secret|token|password|api[_-]?key|^database_url$/i;

/** The runtime's environment without credentials. */
function callProcessEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !credential.test(name)));
}

// Call processes always run the built JavaScript (scripts/runtime-build.ts), also under a
// runtime started from source (vitest, the benchmarks): plain Node boots in a fraction of the
// time tsx takes, and tests exercise exactly what production runs. The test setup builds first.
const entry = fileURLToPath(new URL('../../dist/call-child.js', import.meta.url));

function checkEntry(): void {
  if (!existsSync(entry)) {
    throw new Error(`the call process program ${entry} is missing: build the runtime with \`npm run build:runtime\``);
  }
}

/**
 * One call's own OS process, running isolation/call-child.ts (built: dist/call-child.js), talking over IPC with 'advanced'
 * serialization (typed arrays travel as such). Its stdout/stderr (JSON log lines) are the parent's.
 */
export class CallProcess {
  /** Resolves once the process is warm and can take a call; rejects if it died first. */
  readonly ready: Promise<void>;
  /** Resolves when the process is gone, however it ended. */
  readonly exited: Promise<CallProcessExit>;
  private readonly child: ChildProcess;
  private readonly listeners = new Set<(message: ChildMessage) => void>();
  /** Service requests of this process under way, to cancel on its word or when it is gone. */
  private readonly serving = new Map<number, AbortController>();
  private exit: CallProcessExit | null = null;

  /** `services` answers the process's requests for shared work (eSpeak NG, turn models) from its first moment. */
  constructor(services: SharedServices) {
    checkEntry();
    this.child = fork(entry, [], {
      execArgv: [],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      env: callProcessEnv(process.env),
    });
    this.exited = new Promise((resolve) => {
      this.child.once('exit', (code, signal) => {
        this.exit = { code, signal };
        for (const request of this.serving.values()) request.abort();
        resolve(this.exit);
      });
    });
    this.ready = new Promise((resolve, reject) => {
      const onMessage = (message: ChildMessage) => {
        if (message.type !== 'ready') return;
        this.child.off('message', onMessage);
        resolve();
      };
      this.child.on('message', onMessage);
      void this.exited.then((exit) => reject(new Error(`call process exited while starting (${describeExit(exit)})`)));
    });
    // The IPC channel errors when the child dies mid-send; the exit handler reports that.
    this.child.on('error', () => {});
    this.child.on('message', (message: ChildMessage) => {
      if (message.type === 'service') return this.serve(services, message.id, message.request);
      if (message.type === 'service_cancel') return this.serving.get(message.id)?.abort();
      for (const listener of this.listeners) listener(message);
    });
  }

  private serve(services: SharedServices, id: number, request: ServiceRequest): void {
    const controller = new AbortController();
    this.serving.set(id, controller);
    void services.handle(request, controller.signal).then((reply) => {
      this.serving.delete(id);
      if (!controller.signal.aborted) this.send({ type: 'service_reply', id, ...reply });
    });
  }

  /** The OS process id. */
  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Whether the process is still running. */
  get alive(): boolean {
    return this.exit === null;
  }

  /** Sends a message; ignored once the process is gone (its exit is reported by `exited`). */
  send(message: ParentMessage): void {
    if (this.exit === null && this.child.connected) this.child.send(message);
  }

  /** Calls `listener` for every later message from the process. */
  onMessage(listener: (message: ChildMessage) => void): void {
    this.listeners.add(listener);
  }

  /** Sends `signal` without waiting (no-op once the process is gone). */
  signal(signal: NodeJS.Signals): void {
    if (this.exit === null) this.child.kill(signal);
  }

  /** Signals the process (SIGKILL by default) and waits for it to be gone. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<CallProcessExit> {
    if (this.exit === null) this.child.kill(signal);
    return this.exited;
  }
}

/** "exit code 1" / "killed by SIGKILL", for failure reasons. */
export function describeExit(exit: CallProcessExit): string {
  return exit.signal ? `killed by ${exit.signal}` : `exit code ${exit.code}`;
}
