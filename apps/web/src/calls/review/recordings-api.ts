import type { ReplayResult, SessionEvent, TurnHandling, TurnHandlingOverrides } from '@parley/engine';
import { request } from '@/src/api/request';

/** A call's recording as the review draws it; times are session time (ms). */
export interface LoadedRecording {
  caller: Int16Array;
  agent: Int16Array;
  callerStartMs: number;
  spans: { startMs: number; endMs: number }[];
  events: SessionEvent[];
  settings: TurnHandling;
}

type Line =
  | { kind: 'meta'; settings: TurnHandling }
  | { kind: 'caller_start'; t: number }
  | { kind: 'agent_speech'; startMs: number; endMs: number }
  | { kind: 'event'; event: SessionEvent };

/** A set replay: each call's totals (or why it was left out) and the totals across the set. */
export interface ReplaySetResult {
  calls: (
    | { callId: string; totals: ReplayResult['totals'] }
    | { callId: string; missing: true }
    | { callId: string; failed: string }
  )[];
  totals: ReplayResult['totals'];
}

const callUrl = (id: string) => `/api/calls/${encodeURIComponent(id)}`;

async function file(callId: string, name: string): Promise<ArrayBuffer> {
  const response = await fetch(`${callUrl(callId)}/recording/${name}`);
  if (!response.ok) throw new Error(`The recording's ${name} could not be loaded (HTTP ${response.status}).`);
  return response.arrayBuffer();
}

/** Loads both tracks and the timeline of call `callId`'s recording. */
export async function loadRecording(callId: string): Promise<LoadedRecording> {
  const [caller, agent, timeline] = await Promise.all([
    file(callId, 'caller.pcm'),
    file(callId, 'agent.pcm'),
    file(callId, 'timeline.jsonl'),
  ]);
  const lines = new TextDecoder()
    .decode(timeline)
    .split('\n')
    .flatMap((text): Line[] => {
      try {
        return text.trim() ? [JSON.parse(text) as Line] : [];
      } catch {
        return []; // a last line cut short by a crash
      }
    });
  const meta = lines.find((l): l is Extract<Line, { kind: 'meta' }> => l.kind === 'meta');
  if (!meta) throw new Error('The recording has no settings line: it is not a Parley recording.');
  return {
    caller: new Int16Array(caller.slice(0, caller.byteLength & ~1)),
    agent: new Int16Array(agent.slice(0, agent.byteLength & ~1)),
    callerStartMs: lines.find((l) => l.kind === 'caller_start')?.t ?? 0,
    spans: lines.flatMap((l) => (l.kind === 'agent_speech' ? [{ startMs: l.startMs, endMs: l.endMs }] : [])),
    events: lines.flatMap((l) => (l.kind === 'event' ? [l.event] : [])),
    settings: meta.settings,
  };
}

/** Typed calls to the recording routes; like the other API clients they answer `ok` or an error. */
export const recordingsApi = {
  replay: (callId: string, overrides: TurnHandlingOverrides) =>
    request<ReplayResult>('POST', `${callUrl(callId)}/replay`, { overrides }),
  /** Replays several recorded calls of flow `flowId` under one set of overrides. */
  replaySet: (flowId: string, callIds: string[], overrides: TurnHandlingOverrides) =>
    request<ReplaySetResult>('POST', `/api/flows/${encodeURIComponent(flowId)}/replay`, { callIds, overrides }),
  remove: (callId: string) => request<undefined>('DELETE', `${callUrl(callId)}/recording`),
};
