import { calls } from '@parley/db';
import { type CallProcess, type CallProcessExit, describeExit } from '../isolation/call-process';
import type { CallStart, ChildMessage, ParentMessage } from '../isolation/ipc-messages';
import type { ProcessPool } from '../isolation/process-pool';
import type { Logger } from '../log';
import { CallRecorder } from '../records/call-recorder';
import { defaultBackoff, retryWithBackoff } from '../records/retry-backoff';
import type { RuntimeMetrics } from '../service/metrics';
import type { CallOutcome, CallSink } from './call-sink';
import { KillDeadline, type KillDeadlineOptions } from './kill-deadline';

/** After a call ends, how long its events and status may wait for an unreachable database. */
const RECORD_CLOSE_DEADLINE_MS = 60_000;

/**
 * One call, seen from the runtime: a call process runs its session; this records its events and
 * status (pending -> active -> ended | failed) and relays caller input. A process that exits
 * without finishing its session (crash, kill) fails this call only, its events kept.
 */
export class RunningCall {
  /** Resolves once the call is over, recorded and its status written. */
  readonly done: Promise<CallOutcome>;
  private process: CallProcess | null = null;
  private readonly recorder: CallRecorder;
  /** Status writes, in order (active before ended). */
  private statusWrites: Promise<unknown> = Promise.resolve();
  private endRequest: 'hangup' | 'end' | null = null;
  private readonly deadline: KillDeadline;
  private started = false;

  constructor(
    private readonly start: CallStart,
    pool: ProcessPool,
    private readonly metrics: RuntimeMetrics,
    private readonly sink: CallSink,
    private readonly log: Logger,
    killDeadline: KillDeadlineOptions,
  ) {
    this.deadline = new KillDeadline(killDeadline, log);
    this.recorder = new CallRecorder(start.callId, log);
    this.done = this.run(pool);
  }

  /** The call's id. */
  get callId(): string {
    return this.start.callId;
  }

  /** The call process's OS pid, once it has one. */
  get pid(): number | undefined {
    return this.process?.pid;
  }

  /** Whether the call's session has started (its process is past loading and warm-up). */
  get sessionStarted(): boolean {
    return this.started;
  }

  /** Caller audio, PCM 16 kHz mono; dropped until the call's process has it. */
  callerAudio(samples: Int16Array): void {
    this.process?.send({ type: 'caller_audio', samples });
  }

  /** The caller typed `text`. */
  callerText(text: string): void {
    this.process?.send({ type: 'caller_text', text });
  }

  /** The caller pressed one keypad key. */
  callerDtmf(digit: string): void {
    this.process?.send({ type: 'caller_dtmf', digit });
  }

  /** The caller left: the session ends as a hang-up. */
  hangup(): void {
    this.request('hangup');
  }

  /** The runtime ends the call (drain timeout); like a hang-up, the process is killed if it does not stop in time. */
  end(): void {
    this.request('end');
  }

  private request(kind: 'hangup' | 'end'): void {
    this.endRequest ??= kind;
    this.process?.send({ type: kind });
    if (this.process) this.armDeadline(this.process);
  }

  private armDeadline(process: CallProcess): void {
    if (this.endRequest) this.deadline.arm(process, this.endRequest === 'hangup' ? 'hang-up' : 'runtime ending it');
  }

  private async run(pool: ProcessPool): Promise<CallOutcome> {
    let outcome: CallOutcome;
    try {
      const process = await pool.take();
      this.process = process;
      outcome = await this.follow(process);
    } catch (error) {
      outcome = {
        status: 'failed',
        reason: `no call process: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
    const closeBy = Date.now() + RECORD_CLOSE_DEADLINE_MS;
    await this.recorder.close(RECORD_CLOSE_DEADLINE_MS);
    // A database outage at the end must not leave the call "active": retry until the deadline
    // (past it the call's lease runs out and a runtime marks it failed, see records/lease-keeper.ts).
    this.statusWrites = this.statusWrites.then(() =>
      retryWithBackoff(
        () =>
          outcome.status === 'ended' ? calls.markEnded(this.callId) : calls.markFailed(this.callId, outcome.reason),
        defaultBackoff,
        (error, tries) => this.log.warn('call status not stored yet; retrying', { tries, error: String(error) }),
        () => Date.now() >= closeBy,
      ),
    );
    await this.statusWrites.catch((error: unknown) =>
      this.log.error('call status could not be stored', { error: String(error) }),
    );
    if (outcome.status === 'ended') this.log.info('call ended', { events: this.recorder.count });
    else this.log.error('call failed', { reason: outcome.reason, events: this.recorder.count });
    this.sink.finished(outcome);
    return outcome;
  }

  /** Starts the call in `process` and waits for the process to exit. */
  private async follow(process: CallProcess): Promise<CallOutcome> {
    let startFailure: string | null = null;
    let finishedSession = false;
    process.onMessage((message: ChildMessage) => {
      if (message.type === 'event') {
        this.recorder.add(message.event);
        this.sink.event(message.event);
        if (message.event.type === 'session_started') this.markActive();
      } else if (message.type === 'agent_audio') this.sink.audio(message.samples, message.sampleRate);
      else if (message.type === 'playback') this.sink.playback(message.action);
      else if (message.type === 'caller') this.recordCaller(message);
      else if (message.type === 'start_failed') {
        startFailure = message.reason;
        this.deadline.arm(process, 'failed start');
      } else if (message.type === 'done') {
        finishedSession = true;
        this.deadline.arm(process, 'session end');
      } else if (message.type === 'behind')
        this.metrics.sessionBehind(this.log, {
          callId: this.callId,
          delayMs: message.delayMs,
          windowMs: message.windowMs,
        });
    });
    process.send({ type: 'start', call: this.start });
    if (this.endRequest) process.send({ type: this.endRequest } satisfies ParentMessage);
    this.armDeadline(process);
    this.log.info('call started', { pid: process.pid, transport: this.start.transport.kind });
    const exit: CallProcessExit = await process.exited;
    if (finishedSession && exit.code === 0) return { status: 'ended', byRuntime: this.endRequest === 'end' };
    if (startFailure) return { status: 'failed', reason: `the session could not start: ${startFailure}` };
    if (this.deadline.killedAfter) return { status: 'failed', reason: this.deadline.reason() };
    return { status: 'failed', reason: `the call process stopped before the call ended (${describeExit(exit)})` };
  }

  /** A dispatched call learns its caller only in the room: record who, and a phone caller's variables. */
  private recordCaller(caller: { identity: string; sip: boolean; variables: Record<string, string> }): void {
    this.statusWrites = this.statusWrites
      .then(() => calls.recordCaller(this.callId, caller))
      .catch((error: unknown) => this.log.error('the caller could not be recorded', { error: String(error) }));
  }

  private markActive(): void {
    this.started = true;
    this.statusWrites = this.statusWrites
      .then(() => calls.markActive(this.callId))
      .catch((error: unknown) => this.log.error('call could not be marked active', { error: String(error) }));
  }
}
