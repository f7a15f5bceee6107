import { availableParallelism } from 'node:os';
import type { CallTransportSpec } from '../isolation/ipc-messages';
import type { ProcessPool } from '../isolation/process-pool';
import type { Logger } from '../log';
import type { RecordingsConfig } from '../recordings/recordings-config';
import type { LeaseKeeper } from '../records/lease-keeper';
import type { RuntimeMetrics } from '../service/metrics';
import { type AdmissionLimits, admissionProblem, memoryAvailableMb, OwnCpuLoad } from './admission';
import { CallRefused } from './call-refused';
import type { CallSink } from './call-sink';
import type { KillDeadlineOptions } from './kill-deadline';
import type { CallToRun } from './load-call';
import type { OperatorKeys } from './operator-keys';
import { RunningCall } from './running-call';

export interface CallSupervisorOptions {
  limits: AdmissionLimits;
  pool: ProcessPool;
  /** Processes that work for every call (the shared eSpeak NG programs): their CPU is the calls' load too. */
  sharedPids?(): number[];
  metrics: RuntimeMetrics;
  /** How long a call's process may outlive its call's end before it is killed. */
  killDeadline: KillDeadlineOptions;
  /** Claims calls for this runtime in the database (several runtimes may share it). */
  leases: Pick<LeaseKeeper, 'claim'>;
  /** The operator's provider keys, given to the workspaces allowed them. */
  operatorKeys: OperatorKeys;
  /** The turn models folder every call's flow picks its model from, by name. */
  turnModelsDir: string;
  /** Where calls marked `recorded` record their audio. */
  recordings: RecordingsConfig;
  /** Hears each call once it is over and its outcome stored (post-call webhooks). */
  onCallOver?: (callId: string) => void;
  log: Logger;
}

/** A place held for one call while it is being checked; start it or release it. */
export interface CallSlot {
  /** Claims the loaded call for this runtime; CallRefused when another runtime has it. */
  claim(): Promise<void>;
  start(call: CallToRun, transport: CallTransportSpec, sink: CallSink): RunningCall;
  release(): void;
}

/**
 * The calls of this runtime: admits a call only while the machine has room for it (admission.ts:
 * at most maxCalls, CPU and memory with the calls still starting counted; a slot is held from the
 * first check, so racing connections cannot overshoot), refuses everything while draining, and on
 * drain lets running calls finish, ending those still going after the timeout.
 */
export class CallSupervisor {
  private readonly running = new Map<string, RunningCall>();
  private readonly held = new Set<string>();
  private draining = false;
  private readonly cpu = new OwnCpuLoad();
  private readonly cores = availableParallelism();

  constructor(private readonly options: CallSupervisorOptions) {}

  /** Calls running or being admitted. */
  get load(): number {
    return this.running.size + this.held.size;
  }

  /** Calls whose session runs, and calls admitted whose session has not started yet. */
  get counts(): { running: number; starting: number } {
    let started = 0;
    for (const call of this.running.values()) if (call.sessionStarted) started++;
    return { running: started, starting: this.load - started };
  }

  /** Whether drain() was called. */
  get isDraining(): boolean {
    return this.draining;
  }

  /** Ids of the calls running or being admitted here. */
  callIds(): string[] {
    return [...this.running.keys(), ...this.held];
  }

  /** The running call `callId`, if any. */
  get(callId: string): RunningCall | undefined {
    return this.running.get(callId);
  }

  /** Why no call can be admitted now, or null when one can. */
  refusal(): CallRefused | null {
    if (this.draining)
      return new CallRefused('runtime_draining', 'this runtime is shutting down and takes no new calls');
    const pids = [
      ...[...this.running.values()].flatMap((call) => (call.pid === undefined ? [] : [call.pid])),
      ...(this.options.sharedPids?.() ?? []),
    ];
    const problem = admissionProblem(
      // Calls held here are still loading: they will ask the pool for a process before this one.
      { ...this.counts, startWaitMs: this.options.pool.expectedWaitMs(this.held.size) },
      { ownCpuLoad: this.cpu.sample(pids), memoryAvailableMb: memoryAvailableMb() },
      this.options.limits,
      this.cores,
    );
    return problem ? new CallRefused('runtime_full', problem) : null;
  }

  /** Holds a place for call `callId`; throws CallRefused when full, draining or the call is already here. */
  reserve(callId: string): CallSlot {
    if (this.running.has(callId) || this.held.has(callId)) {
      throw new CallRefused('call_not_pending', `call ${callId} is already connected`);
    }
    const refusal = this.refusal();
    if (refusal) {
      if (refusal.code === 'runtime_full') this.options.metrics.refused();
      throw refusal;
    }
    this.held.add(callId);
    return {
      release: () => void this.held.delete(callId),
      claim: async () => {
        if (!(await this.options.leases.claim(callId))) {
          throw new CallRefused('call_not_pending', `call ${callId} is already taken by another runtime`);
        }
      },
      start: (call, transport, sink) => {
        this.held.delete(callId);
        if (this.draining)
          throw new CallRefused('runtime_draining', 'this runtime is shutting down and takes no new calls');
        const running = new RunningCall(
          {
            callId,
            spec: call.version.spec,
            transport,
            secrets: call.workspace.secrets,
            providerKeys: this.options.operatorKeys.for(call.workspace.workspaceId),
            turnModelsDir: this.options.turnModelsDir,
            webhookAllowList: call.workspace.webhookAllowList,
            variables: call.call.variables,
            recording: call.call.recorded
              ? { store: this.options.recordings.store, flushMs: this.options.recordings.flushMs }
              : null,
          },
          this.options.pool,
          this.options.metrics,
          sink,
          this.options.log.child({ callId, flowVersionId: call.version.id }),
          this.options.killDeadline,
        );
        this.running.set(callId, running);
        void running.done.then(() => {
          this.running.delete(callId);
          this.options.onCallOver?.(callId);
        });
        return running;
      },
    };
  }

  /** Stops admitting calls, waits up to `timeoutMs` for running ones, then ends the rest; resolves when all are recorded. */
  async drain(timeoutMs: number): Promise<void> {
    this.draining = true;
    const calls = [...this.running.values()];
    const all = Promise.all(calls.map((call) => call.done));
    let timer: NodeJS.Timeout | undefined;
    const timedOut = await Promise.race([
      all.then(() => false),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(true), timeoutMs);
      }),
    ]);
    clearTimeout(timer);
    if (timedOut) {
      const left = calls.filter((call) => this.running.has(call.callId));
      this.options.log.warn('drain timeout: ending calls still running', { calls: left.length, timeoutMs });
      for (const call of left) call.end();
    }
    await all;
  }
}
