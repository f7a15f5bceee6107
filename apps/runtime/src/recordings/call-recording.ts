import type { Clock, SessionPlan, Transport } from '@parley/engine';
import type { Logger } from '../log';
import { AudioRecorder } from './audio-recorder';
import { openRecordingStore } from './open-store';
import { recordingTransport } from './recording-transport';
import type { RecordingStoreConfig } from './recordings-config';

/** What a call process needs to record its call (sent in CallStart when the call is recorded). */
export interface CallRecordingStart {
  store: RecordingStoreConfig;
  flushMs: number;
}

/**
 * The call's transport, recording into the store when `recording` is set (else as it is).
 * The recorder starts with the entry agent's turn settings, which replays start from.
 */
export async function withRecording(
  transport: Transport,
  options: { callId: string; plan: SessionPlan; recording: CallRecordingStart | null; clock: Clock; log: Logger },
): Promise<Transport> {
  const { recording, plan, log } = options;
  if (!recording) return transport;
  const entry = plan.agents[plan.entryAgentId];
  if (!entry) return transport;
  const recorder = new AudioRecorder({
    store: await openRecordingStore(recording.store),
    callId: options.callId,
    settings: entry.settings,
    flushMs: recording.flushMs,
    onError: (error) =>
      log.error('recording failed; the call goes on unrecorded', {
        error: error instanceof Error ? error.message : String(error),
      }),
  });
  return recordingTransport(transport, recorder, options.clock);
}
