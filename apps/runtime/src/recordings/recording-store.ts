/** The files of one call's recording: both tracks as raw PCM (s16le, 16 kHz mono) and a JSON-lines timeline. */
export const recordingFiles = ['caller.pcm', 'agent.pcm', 'timeline.jsonl'] as const;
export type RecordingFile = (typeof recordingFiles)[number];

/** Sample rate of both recorded tracks. */
export const RECORDING_RATE = 16000;

/**
 * Where call recordings go. Files are written as numbered chunks in order, so a call that
 * crashes keeps every chunk written before it.
 */
export interface RecordingStore {
  /** Appends chunk `index` (0, 1, ... in order) to `file` of call `callId`'s recording. */
  append(callId: string, file: RecordingFile, index: number, bytes: Uint8Array): Promise<void>;
  /** The whole file (its chunks joined), or null when the call has none. */
  read(callId: string, file: RecordingFile): Promise<Uint8Array | null>;
  /** Deletes the call's whole recording; no error when there is none. */
  delete(callId: string): Promise<void>;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Call ids become folder and key names: only UUIDs are accepted (no path tricks). */
export function checkCallId(callId: string): string {
  if (!uuid.test(callId)) throw new Error(`recording store: call id must be a UUID, got ${JSON.stringify(callId)}`);
  return callId.toLowerCase();
}
