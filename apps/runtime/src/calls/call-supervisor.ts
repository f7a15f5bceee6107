import type { CallTransportSpec } from '../isolation/ipc-messages';
import type { ProcessPool } from '../isolation/process-pool';
import type { Logger } from '../log';
import { CallRefused } from './call-refused';
import type { CallSink } from './call-sink';
import type { CallToRun } from './load-call';
import type { OperatorKeys } from './operator-keys';
import { RunningCall } from './running-call';

export interface CallSupervisorOptions {
  maxCalls: number;
  pool: ProcessPool;
  /** The operator's provider keys, given to the workspaces allowed them. */
  operatorKeys: OperatorKeys;
  /** The turn models folder every call's flow picks its model from, by name. */
  turnModelsDir: string;
  log: Logger;
}

/** A place held for one call while it is being checked; start it or release it. */
export interface CallSlot {
  start(call: CallToRun, transport: CallTransportSpec, sink: CallSink): RunningCall;
  release(): void;
}

/**
 * The calls of this runtime: admits at most maxCalls at a time (a slot is held from the first
 * check, so racing connections cannot overshoot), refuses everything while draining, and on
 * drain lets running calls finish, ending those still going after the timeout.
 */
export class CallSupervisor {
  private readonly running = new Map<string, RunningCall>();
  private readonly held = new Set<string>();
  private draining = false;

  constructor(private readonly options: CallSupervisorOptions) {}

  /** Calls running or being admitted. */
  get load(): number {
    return this.running.size + this.held.size;
  }

  /** Whether drain() was called. */
  get isDraining(): boolean {
    return this.draining;
  }

  /** The running call `callId`, if any. */
  get(callId: string): RunningCall | undefined {
    return this.running.get(callId);
  }

  /** Why no call can be admitted now, or null when one can. */
  refusal(): CallRefused | null {
    if (this.draining)
      return new CallRefused('runtime_draining', 'this runtime is shutting down and takes no new calls');
    if (this.load >= this.options.maxCalls) {
      return new CallRefused(
        'runtime_full',
        `this runtime is at its limit of ${this.options.maxCalls} concurrent calls`,
      );
    }
    return null;
  }

  /** Holds a place for call `callId`; throws CallRefused when full, draining or the call is already here. */
  reserve(callId: string): CallSlot {
    if (this.running.has(callId) || this.held.has(callId)) {
      throw new CallRefused('call_not_pending', `call ${callId} is already connected`);
    }
    const refusal = this.refusal();
    if (refusal) throw refusal;
    this.held.add(callId);
    return {
      release: () => void this.held.delete(callId),
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
          },
          this.options.pool,
          sink,
          this.options.log.child({ callId, flowVersionId: call.version.id }),
        );
        this.running.set(callId, running);
        void running.done.then(() => this.running.delete(callId));
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
