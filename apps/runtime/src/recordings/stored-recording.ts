import type { AgentSpeechSpan, SessionEvent, TurnRecording } from '@parley/engine';
import type { RecordingStore } from './recording-store';
import { parseTimeline } from './timeline';

/** A stored recording read back: the replay input, and the agent's track for listening. */
export interface StoredRecording extends TurnRecording {
  agent: Int16Array;
}

const pcm = (bytes: Uint8Array | null) =>
  bytes
    ? new Int16Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + (bytes.byteLength & ~1)))
    : new Int16Array(0);

/** Reads call `callId`'s recording from the store; null when it has none (never recorded, or deleted). */
export async function readStoredRecording(store: RecordingStore, callId: string): Promise<StoredRecording | null> {
  const timelineBytes = await store.read(callId, 'timeline.jsonl');
  if (!timelineBytes) return null;
  const timeline = parseTimeline(new TextDecoder().decode(timelineBytes));
  const meta = timeline.find((line) => line.kind === 'meta');
  if (!meta) throw new Error(`the recording of call ${callId} has no meta line: it is not a Parley recording`);
  const callerStart = timeline.find((line) => line.kind === 'caller_start');
  const agentSpeech: AgentSpeechSpan[] = [];
  const events: SessionEvent[] = [];
  for (const line of timeline) {
    if (line.kind === 'agent_speech') agentSpeech.push({ startMs: line.startMs, endMs: line.endMs });
    else if (line.kind === 'event') events.push(line.event);
  }
  const [caller, agent] = await Promise.all([store.read(callId, 'caller.pcm'), store.read(callId, 'agent.pcm')]);
  return {
    caller: pcm(caller),
    callerStartMs: callerStart?.t ?? 0,
    agentSpeech,
    events,
    settings: meta.settings,
    agent: pcm(agent),
  };
}
