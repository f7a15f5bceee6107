import { recordings } from '@parley/db';
import type { Logger } from '../log';
import type { RecordingStore } from './recording-store';

/** Deletes the recordings of calls older than their workspace's retention, then marks them gone. */
export async function sweepRecordings(store: RecordingStore, now: Date, log: Logger): Promise<number> {
  let deleted = 0;
  for (;;) {
    const expired = await recordings.expired(now);
    for (const callId of expired) {
      await store.delete(callId);
      await recordings.markDeleted(callId);
      deleted++;
    }
    if (expired.length === 0) break;
  }
  if (deleted > 0) log.info('recordings past retention deleted', { count: deleted });
  return deleted;
}

/** Runs the sweep every `everyMs` (and once at start) until stopped; a failed sweep is logged and retried next time. */
export function startRetentionSweep(store: RecordingStore, everyMs: number, log: Logger): { stop(): void } {
  const run = () =>
    void sweepRecordings(store, new Date(), log).catch((error: unknown) =>
      log.warn('recording sweep failed', { error: error instanceof Error ? error.message : String(error) }),
    );
  run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
