import { callLeases } from '@parley/db';
import type { Logger } from '../log';

export interface LeaseOptions {
  /** This runtime's id (RUNTIME_ID): the same across its restarts, unique among runtimes. */
  runtimeId: string;
  /** How long a claim or renewal holds a call; renewed every third of it. */
  leaseMs: number;
  /** A pending call nobody claimed for this long (its caller never came) is failed. */
  unclaimedMs: number;
}

const RESTARTED = 'the runtime running this call restarted before the call ended';
const LEASE_EXPIRED =
  'the runtime running this call stopped answering (its lease ran out) before recording the end; its events may be incomplete';
const UNCLAIMED = 'no caller connected to this call before its token expired';

/**
 * Keeps this runtime's claims on its calls and clears calls nobody runs, so a crash or a database
 * outage at a call's end never leaves it "active" (holding its workspace's test-call slots)
 * forever: on start it fails the calls it held before a restart; then, every leaseMs / 3, it
 * renews the leases of its running calls and fails any call, of any runtime, whose lease ran out.
 */
export class LeaseKeeper {
  private timer: NodeJS.Timeout | null = null;
  private restartCleared = false;

  constructor(
    private readonly options: LeaseOptions,
    private readonly callIds: () => string[],
    private readonly log: Logger,
    /** Hears the calls this keeper marked failed (their post-call webhooks are due). */
    private readonly onFailed: (callIds: string[]) => void = () => {},
  ) {}

  /** Clears what an earlier run of this runtime left, then keeps leases every leaseMs / 3. */
  async start(): Promise<void> {
    await this.tick();
    this.timer = setInterval(() => void this.tick(), Math.max(100, Math.floor(this.options.leaseMs / 3)));
    this.timer.unref();
  }

  /** Claims pending call `callId` for this runtime; false when another runtime holds it. */
  claim(callId: string): Promise<boolean> {
    return callLeases.claim(callId, this.options.runtimeId, this.options.leaseMs);
  }

  /** Stops renewing (the runtime's calls are over or it is going away). */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async tick(): Promise<void> {
    try {
      const { runtimeId, leaseMs, unclaimedMs } = this.options;
      if (!this.restartCleared) {
        const failed = await callLeases.failOwnedBy(runtimeId, RESTARTED);
        this.restartCleared = true;
        if (failed.length > 0) {
          this.log.warn('calls left by an earlier run of this runtime marked failed', { calls: failed });
          this.onFailed(failed);
        }
      }
      await callLeases.renew(runtimeId, this.callIds(), leaseMs);
      const abandoned = await callLeases.failAbandoned({ lease: LEASE_EXPIRED, unclaimed: UNCLAIMED }, unclaimedMs);
      if (abandoned.length > 0) {
        this.log.warn('calls nobody runs marked failed', { calls: abandoned });
        this.onFailed(abandoned);
      }
    } catch (error) {
      // The database is away; the next tick tries again (leases outlast several ticks).
      this.log.warn('call leases could not be kept', { error: error instanceof Error ? error.message : String(error) });
    }
  }
}
