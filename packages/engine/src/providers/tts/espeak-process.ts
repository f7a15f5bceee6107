import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Socket } from 'node:net';
import { dirname, join } from 'node:path';
import { ProviderError } from '../errors';

/**
 * eSpeak NG is GPL-3.0-or-later, so it never runs inside Parley's (Apache-2.0) processes: the
 * workspace package `@parley/espeak` is a separate program, spoken to over its stdin/stdout
 * (protocol in packages/espeak/src/protocol.js). This module finds the program, keeps one warm
 * process of it per program path in this process, and turns its answers, exits and stalls into
 * ProviderErrors. It never imports the package's code: it only resolves the file to run.
 */

/** Voice and speaking rate (words per minute) of one request. */
export interface EspeakArgs {
  voice: string;
  rate: number;
}

const PACKAGE = '@parley/espeak';
const NOT_INSTALLED = `eSpeak NG (the offline TTS) is not installed: the GPL-3.0 workspace package ${PACKAGE} was not found. Run \`npm install\` in the Parley folder (it installs every workspace), or choose another TTS provider.`;
/** Longer than any sentence takes (tens of ms); a program stalled this long is killed. */
const DEFAULT_TIMEOUT_MS = 10_000;

let resolved: string | null = null;

/** The script that runs `@parley/espeak`, resolved from here like a dependency (not imported). */
export function defaultEspeakProgram(): string {
  if (resolved) return resolved;
  let manifest: string;
  try {
    manifest = createRequire(import.meta.url).resolve(`${PACKAGE}/package.json`);
  } catch {
    throw new ProviderError('espeak', 'unavailable', NOT_INSTALLED);
  }
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8')) as { bin: Record<string, string> };
  resolved = join(dirname(manifest), bin['parley-espeak'] ?? 'bin/parley-espeak.js');
  return resolved;
}

/** True when the `@parley/espeak` program is installed (it is optional). */
export function isEspeakInstalled(): boolean {
  try {
    return existsSync(defaultEspeakProgram());
  } catch {
    return false;
  }
}

/** Synthesizes one sentence to WAV somewhere else than a program of this process's own. */
export type EspeakBackend = (text: string, args: EspeakArgs, timeoutMs: number) => Promise<Uint8Array>;

let backend: EspeakBackend | null = null;

/**
 * Sends this process's requests for the default program to `shared` (null: back to a program of
 * its own). Call processes use the runtime's shared programs: one eSpeak NG program weighs about
 * as much as the call process itself.
 */
export function setEspeakBackend(shared: EspeakBackend | null): void {
  backend = shared;
}

const processes = new Map<string, EspeakProcess>();

/**
 * Synthesizes `text` (with the backend set for this process, else in the warm program at
 * `program`, started on first use and restarted after a crash); returns its WAV file (22,050 Hz
 * mono s16).
 */
export function espeakToWav(
  text: string,
  args: EspeakArgs,
  program?: string,
  timeoutMs: number = DEFAULT_TIMEOUT_MS,
): Promise<Uint8Array> {
  if (backend && program === undefined) return backend(text, args, timeoutMs);
  let running: EspeakProcess;
  try {
    running = espeakProcess(program ?? defaultEspeakProgram());
  } catch (error) {
    return Promise.reject(error);
  }
  return running.request(text, args, timeoutMs);
}

/** The warm program at `program` of this process, started if there is none or it exited. */
function espeakProcess(program: string): EspeakProcess {
  let running = processes.get(program);
  if (!running || running.exited) {
    running = startEspeakProcess(program);
    processes.set(program, running);
  }
  return running;
}

/** Starts the program at `program`; a ProviderError when it is not there. */
export function startEspeakProcess(program: string = defaultEspeakProgram()): EspeakProcess {
  if (!existsSync(program)) {
    throw new ProviderError('espeak', 'unavailable', `${NOT_INSTALLED} (missing: ${program})`);
  }
  return new EspeakProcess(program);
}

/** Starts the program and runs it once, so a call's first sentence pays no start-up. */
export async function warmEspeak(program?: string): Promise<void> {
  await espeakToWav('Hello.', { voice: 'en-us', rate: 175 }, program);
}

interface Header {
  id: number | null;
  bytes?: number;
  error?: string;
}

/** An answer's header line, or null when the line is not one. */
function parseHeader(line: string): Header | null {
  try {
    const value: unknown = JSON.parse(line);
    return value && typeof value === 'object' && 'id' in value ? (value as Header) : null;
  } catch {
    return null;
  }
}

interface Pending {
  id: number;
  resolve(wav: Uint8Array): void;
  reject(error: ProviderError): void;
  timeoutMs: number;
  /** Set once the request is the program's current work (first in line). */
  timer: NodeJS.Timeout | null;
}

/**
 * Added to the first request's deadline: a new program compiles eSpeak NG's WASM first, which
 * takes a second on an idle machine and many on a busy one.
 */
const STARTUP_ALLOWANCE_MS = 30_000;

/** One running program: requests go out as JSON lines, answers come back in order. */
export class EspeakProcess {
  exited = false;
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly pending: Pending[] = [];
  private nextId = 1;
  private buffered: Buffer = Buffer.alloc(0);
  /** The current answer's header, while its WAV body is still arriving. */
  private header: { id: number; bytes: number } | null = null;
  private stderr = '';
  private answered = false;

  constructor(program: string) {
    this.child = spawn(process.execPath, [program], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    this.child.stderr.setEncoding('utf8').on('data', (text: string) => {
      this.stderr = (this.stderr + text).slice(-2000);
    });
    this.child.stdin.on('error', () => {}); // a dead program is reported by 'exit'
    this.child.on('error', (error) => this.fail(`could not start: ${error.message}`, 'server'));
    this.child.on('exit', (code, signal) =>
      this.fail(
        `exited (${signal ?? `code ${code}`})${this.stderr ? `: ${this.stderr.trim().slice(-300)}` : ''}`,
        'server',
      ),
    );
    this.idle();
  }

  /** Requests sent and not answered yet. */
  get queued(): number {
    return this.pending.length;
  }

  /** The program's OS process id. */
  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Stops the program; requests still waiting fail. */
  stop(): void {
    this.child.kill('SIGKILL');
  }

  /**
   * Synthesizes `text`; rejects with a ProviderError when the program fails, or spends over
   * `timeoutMs` on this sentence (counted from when it is first in line, so time queued behind
   * other sentences of a shared program does not count).
   */
  request(text: string, { voice, rate }: EspeakArgs, timeoutMs: number): Promise<Uint8Array> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.push({ id, resolve, reject, timeoutMs, timer: null });
      this.busy();
      this.child.stdin.write(`${JSON.stringify({ id, text, voice, rate })}\n`);
      this.armFirst();
    });
  }

  /** Starts the deadline of the request now first in line (the program is working on it). */
  private armFirst(): void {
    const first = this.pending[0];
    if (!first || first.timer) return;
    const ms = first.timeoutMs + (this.answered ? 0 : STARTUP_ALLOWANCE_MS);
    first.timer = setTimeout(() => {
      this.fail(`gave no answer within ${first.timeoutMs} ms`, 'timeout');
      this.child.kill('SIGKILL');
    }, ms);
  }

  /** Parses answers: a JSON header line, then (on success) `bytes` bytes of WAV. */
  private receive(chunk: Buffer): void {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
    for (;;) {
      if (!this.header) {
        const newline = this.buffered.indexOf(10);
        if (newline < 0) return;
        const line = this.buffered.subarray(0, newline).toString('utf8');
        this.buffered = this.buffered.subarray(newline + 1);
        const answer = parseHeader(line);
        const waiting = this.pending[0];
        if (!answer || !waiting || answer.id !== waiting.id) {
          // Not our protocol, or out of step with it: nothing after this can be trusted.
          this.fail(`answered out of protocol: ${line.slice(0, 200)}`, 'server');
          this.child.kill('SIGKILL');
          return;
        }
        if (answer.error !== undefined) {
          this.settle()?.reject(new ProviderError('espeak', 'bad_request', answer.error));
          continue;
        }
        this.header = { id: answer.id, bytes: answer.bytes ?? 0 };
      }
      if (this.buffered.length < this.header.bytes) return;
      const wav = new Uint8Array(this.buffered.subarray(0, this.header.bytes));
      this.buffered = this.buffered.subarray(this.header.bytes);
      this.header = null;
      this.settle()?.resolve(wav);
    }
  }

  /** Removes the oldest request (the one just answered). */
  private settle(): Pending | undefined {
    const done = this.pending.shift();
    if (done?.timer) clearTimeout(done.timer);
    this.answered = true;
    if (this.pending.length === 0) this.idle();
    else this.armFirst();
    return done;
  }

  /** Fails every waiting request; the next request starts a new program. */
  private fail(reason: string, kind: 'server' | 'timeout'): void {
    this.exited = true;
    for (const waiting of this.pending.splice(0)) {
      if (waiting.timer) clearTimeout(waiting.timer);
      waiting.reject(new ProviderError('espeak', kind, `The eSpeak NG program ${reason}`));
    }
  }

  /** While requests wait, the program keeps this process alive; idle, it does not. */
  private busy(): void {
    this.child.ref();
    for (const stream of this.streams()) stream.ref();
  }

  private idle(): void {
    this.child.unref();
    for (const stream of this.streams()) stream.unref();
  }

  /** The pipes, which are sockets (the stream types do not say so). */
  private streams(): Socket[] {
    return [this.child.stdin, this.child.stdout, this.child.stderr] as unknown as Socket[];
  }
}
