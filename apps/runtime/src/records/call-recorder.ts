import { type CallEventRow, callEvents } from '@parley/db';
import type { SessionEvent } from '@parley/engine';
import type { Logger } from '../log';

export interface CallRecorderOptions {
  /** A batch is written at most this long after its first event. */
  intervalMs?: number;
  /** A batch is written as soon as it holds this many events. */
  maxBatch?: number;
}

/**
 * A call's SessionEvents into Postgres, in order, numbered 0, 1, 2…, written in batches (every
 * 250 ms or 100 events) one after another. Every event is kept, VAD and end-of-turn probabilities
 * too (the engine already thins VAD to one per 64 ms, ~16 rows/s): they draw the call's timeline.
 */
export class CallRecorder {
  private buffer: CallEventRow[] = [];
  private nextSeq = 0;
  private writing: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private lost = 0;
  private readonly intervalMs: number;
  private readonly maxBatch: number;

  constructor(
    private readonly callId: string,
    private readonly log: Logger,
    options: CallRecorderOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? 250;
    this.maxBatch = options.maxBatch ?? 100;
  }

  /** Events recorded so far (written or waiting). */
  get count(): number {
    return this.nextSeq;
  }

  /** Queues one event; `t` is the session's ms since start, the payload the rest of the event. */
  add(event: SessionEvent): void {
    const { type, t, ...payload } = event;
    this.buffer.push({ seq: this.nextSeq++, type, t, payload });
    if (this.buffer.length >= this.maxBatch) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.intervalMs);
  }

  /** Writes what is buffered (after earlier batches); resolves when everything so far is stored or given up. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.buffer;
    this.buffer = [];
    if (batch.length > 0) this.writing = this.writing.then(() => this.write(batch));
    return this.writing;
  }

  /** How many events could not be stored. */
  get lostEvents(): number {
    return this.lost;
  }

  private async write(batch: CallEventRow[]): Promise<void> {
    // One retry rides out a dropped connection; a call must not stall on its records.
    for (let attempt = 1; attempt <= 2; attempt++) {
      try {
        return await callEvents.append(this.callId, batch);
      } catch (error) {
        if (attempt === 2) {
          this.lost += batch.length;
          this.log.error('call events could not be stored', {
            count: batch.length,
            firstSeq: batch[0]?.seq,
            error: error instanceof Error ? error.message : String(error),
          });
        }
      }
    }
  }
}
