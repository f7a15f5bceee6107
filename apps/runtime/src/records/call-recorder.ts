import { type CallEventRow, callEvents, calls, EventSeqTakenError, NotFoundError } from '@parley/db';
import type { SessionEvent } from '@parley/engine';
import type { Logger } from '../log';
import { type BackoffOptions, defaultBackoff, retryWithBackoff } from './retry-backoff';

export interface CallRecorderOptions {
  /** A batch is written at most this long after its first event. */
  intervalMs?: number;
  /** A batch is written as soon as it holds this many events. */
  maxBatch?: number;
  /** Events held in memory while the database does not take them; newer ones are dropped past it. */
  maxBuffered?: number;
  /** Waits between attempts at a batch the database refused. */
  retry?: BackoffOptions;
}

/** The stored row that says events are missing from a call's log. */
export const EVENTS_DROPPED = 'events_dropped';

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * A call's SessionEvents into Postgres, in order, numbered 0, 1, 2…, written in batches (every
 * 250 ms or 100 events) one after another. Every event is kept, VAD and end-of-turn probabilities
 * too (the engine already thins VAD to one per 64 ms, ~16 rows/s): they draw the call's timeline.
 *
 * A batch the database refuses (outage, dropped connection) is retried with backoff until it is
 * stored or, once the call is over, until close()'s deadline; meanwhile new events wait in memory,
 * at most `maxBuffered` (10,000) of them. Events that had to be dropped leave a gap in `seq`, an
 * `events_dropped` row {count} and the count on the call (`events_dropped`).
 */
export class CallRecorder {
  private buffer: CallEventRow[] = [];
  private nextSeq = 0;
  private lastT = 0;
  private writing: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  /** Events added and not yet stored or dropped. */
  private held = 0;
  private dropped = 0;
  private closingBy: number | null = null;
  private readonly intervalMs: number;
  private readonly maxBatch: number;
  private readonly maxBuffered: number;
  private readonly retry: BackoffOptions;

  constructor(
    private readonly callId: string,
    private readonly log: Logger,
    options: CallRecorderOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? 250;
    this.maxBatch = options.maxBatch ?? 100;
    this.maxBuffered = options.maxBuffered ?? 10_000;
    this.retry = options.retry ?? defaultBackoff;
  }

  /** Events recorded so far (written, waiting or dropped). */
  get count(): number {
    return this.nextSeq;
  }

  /** How many events could not be stored. */
  get droppedEvents(): number {
    return this.dropped;
  }

  /** Queues one event; `t` is the session's ms since start, the payload the rest of the event. */
  add(event: SessionEvent): void {
    const { type, t, ...payload } = event;
    const seq = this.nextSeq++;
    this.lastT = t;
    if (this.held >= this.maxBuffered) {
      if (this.dropped === 0) this.log.error('call event buffer full: dropping events', { max: this.maxBuffered });
      this.dropped++;
      return;
    }
    this.held++;
    this.buffer.push({ seq, type, t, payload });
    if (this.buffer.length >= this.maxBatch) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), this.intervalMs);
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

  /**
   * The call is over: stores what is left, retrying for up to `deadlineMs`, then records any
   * dropped events on the call (an events_dropped row and the call's counter).
   */
  async close(deadlineMs: number): Promise<void> {
    this.closingBy = Date.now() + deadlineMs;
    await this.flush();
    if (this.dropped === 0) return;
    const marker: CallEventRow = {
      seq: this.nextSeq++,
      type: EVENTS_DROPPED,
      t: this.lastT,
      payload: { count: this.dropped },
    };
    await this.persist(() => callEvents.append(this.callId, [marker]), 'the events_dropped marker').catch(() => {});
    await this.persist(() => calls.addDroppedEvents(this.callId, this.dropped), 'the dropped-events count').catch(
      () => {},
    );
  }

  private async write(batch: CallEventRow[]): Promise<void> {
    try {
      await this.persist(async () => {
        try {
          await callEvents.append(this.callId, batch);
        } catch (error) {
          // An earlier attempt did commit (its answer was lost): the rows are there.
          if (!(error instanceof EventSeqTakenError)) throw error;
        }
      }, `${batch.length} events`);
    } catch (error) {
      this.dropped += batch.length;
      this.log.error('call events could not be stored', {
        count: batch.length,
        firstSeq: batch[0]?.seq,
        error: describe(error),
      });
    } finally {
      this.held -= batch.length;
    }
  }

  /** Retries `store` with backoff while the call runs, and after it ended until close()'s deadline. */
  private persist(store: () => Promise<void>, what: string): Promise<void> {
    return retryWithBackoff(
      store,
      this.retry,
      (error, tries) => this.log.warn('call events not stored yet; retrying', { what, tries, error: describe(error) }),
      // A missing call will not appear by waiting.
      (error) => error instanceof NotFoundError || (this.closingBy !== null && Date.now() >= this.closingBy),
    );
  }
}
