import { replayTurns } from '@parley/engine';
import { openRecordingStore } from './open-store';
import type { ReplayChildMessage, ReplayJob, ReplayParentMessage } from './replay-ipc';
import { readStoredRecording } from './stored-recording';

/*
 * Entry of a replay's own process (see replay-process.ts): reads one recording, replays its
 * turn-taking under the job's settings (VAD inference and all), reports and exits, so the work
 * never holds up the runtime's event loop or the calls it relays.
 */

function post(message: ReplayChildMessage, then: () => void = () => {}): void {
  process.send?.(message, then);
}

async function run(job: ReplayJob): Promise<ReplayChildMessage> {
  const recording = await readStoredRecording(await openRecordingStore(job.store), job.callId);
  if (!recording) return { type: 'missing' };
  return { type: 'result', result: await replayTurns(recording, job.overrides) };
}

process.on('disconnect', () => process.exit(1));
process.once('message', (message: ReplayParentMessage) => {
  run(message.job).then(
    (reply) => post(reply, () => process.exit(0)),
    (error: unknown) =>
      post({ type: 'failed', reason: error instanceof Error ? error.message : String(error) }, () => process.exit(0)),
  );
});
post({ type: 'ready' });
