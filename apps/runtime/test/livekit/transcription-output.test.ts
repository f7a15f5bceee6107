import type { SessionEvent, SessionEventBody } from '@parley/engine';
import { describe, expect, it } from 'vitest';
import { type TextStreamRequest, TranscriptionOutput, userSegmentId } from '../../src/livekit/transcription-output';
import { createLogger } from '../../src/log';

interface Stream extends TextStreamRequest {
  chunks: string[];
  closed: boolean;
}

/** Records text streams the way LocalParticipant.streamText would send them (each op takes a tick). */
function recordingRoom() {
  const streams: Stream[] = [];
  const tick = () => new Promise((resolve) => setTimeout(resolve, 1));
  return {
    streams,
    streamText: async (request: TextStreamRequest) => {
      await tick();
      const stream: Stream = { ...request, chunks: [], closed: false };
      streams.push(stream);
      return {
        write: async (text: string) => {
          await tick();
          if (stream.closed) throw new Error('write after close');
          stream.chunks.push(text);
        },
        close: async () => {
          await tick();
          stream.closed = true;
        },
      };
    },
  };
}

function setup(options: { agentTrack?: string; callerTrack?: string; caller?: string | null } = {}) {
  const room = recordingRoom();
  let n = 0;
  const output = new TranscriptionOutput({
    streams: room,
    callerIdentity: () => (options.caller === undefined ? 'caller-1' : options.caller),
    callerTrackSid: () => options.callerTrack ?? 'TR_caller_mic',
    agentTrackSid: () => options.agentTrack ?? 'TR_agent_voice',
    log: createLogger({}, () => undefined),
    newSegmentId: () => `SG_user_${++n}`,
  });
  const send = (...bodies: SessionEventBody[]) => {
    for (const body of bodies) output.handle({ ...body, t: 0 } as SessionEvent);
  };
  /** Streams as frontends see them: who sent it, its attributes, its whole text, whether it ended. */
  const seen = () =>
    room.streams.map((s) => ({
      topic: s.topic,
      sender: s.senderIdentity ?? 'agent',
      attributes: s.attributes,
      text: s.chunks.join(''),
      closed: s.closed,
    }));
  return { output, send, seen };
}

const agent = (segment: string, final: boolean, track = 'TR_agent_voice') => ({
  'lk.segment_id': segment,
  'lk.transcription_final': final ? 'true' : 'false',
  'lk.transcribed_track_id': track,
});

describe('transcripts on lk.transcription', () => {
  it('publishes user transcripts on the caller’s behalf: interim updates then the final, one segment per utterance', async () => {
    const { output, send, seen } = setup();
    send(
      { type: 'transcript', role: 'user', text: 'I would', final: false, source: 'speech' },
      { type: 'transcript', role: 'user', text: 'I would like a table', final: false, source: 'speech' },
      { type: 'transcript', role: 'user', text: 'I would like a table.', final: true, source: 'speech' },
      { type: 'transcript', role: 'user', text: 'For two.', final: true, source: 'speech' },
    );
    await output.close();
    const user = (segment: string, final: boolean) => ({
      'lk.segment_id': segment,
      'lk.transcription_final': final ? 'true' : 'false',
      'lk.transcribed_track_id': 'TR_caller_mic',
    });
    expect(seen()).toEqual([
      {
        topic: 'lk.transcription',
        sender: 'caller-1',
        attributes: user('SG_user_1', false),
        text: 'I would',
        closed: true,
      },
      {
        topic: 'lk.transcription',
        sender: 'caller-1',
        attributes: user('SG_user_1', false),
        text: 'I would like a table',
        closed: true,
      },
      {
        topic: 'lk.transcription',
        sender: 'caller-1',
        attributes: user('SG_user_1', true),
        text: 'I would like a table.',
        closed: true,
      },
      {
        topic: 'lk.transcription',
        sender: 'caller-1',
        attributes: user('SG_user_2', true),
        text: 'For two.',
        closed: true,
      },
    ]);
  });

  it('streams a reply’s deltas into one stream per speech, then sends the final text in the same segment', async () => {
    const { output, send, seen } = setup();
    send(
      { type: 'assistant_text_delta', speechId: 'speech_1', agentId: 'a', delta: 'Sure, ' },
      { type: 'assistant_text_delta', speechId: 'speech_1', agentId: 'a', delta: 'for two.' },
      { type: 'assistant_message', speechId: 'speech_1', agentId: 'a', text: 'Sure, for two.', interrupted: false },
      { type: 'assistant_text_delta', speechId: 'speech_2', agentId: 'a', delta: 'Anything else?' },
      { type: 'assistant_message', speechId: 'speech_2', agentId: 'a', text: 'Anything else?', interrupted: false },
    );
    await output.close();
    expect(seen()).toEqual([
      {
        topic: 'lk.transcription',
        sender: 'agent',
        attributes: agent('speech_1', false),
        text: 'Sure, for two.',
        closed: true,
      },
      {
        topic: 'lk.transcription',
        sender: 'agent',
        attributes: agent('speech_1', true),
        text: 'Sure, for two.',
        closed: true,
      },
      {
        topic: 'lk.transcription',
        sender: 'agent',
        attributes: agent('speech_2', false),
        text: 'Anything else?',
        closed: true,
      },
      {
        topic: 'lk.transcription',
        sender: 'agent',
        attributes: agent('speech_2', true),
        text: 'Anything else?',
        closed: true,
      },
    ]);
  });

  it('ends an interrupted reply with the truncated text the caller heard', async () => {
    const { output, send, seen } = setup();
    send(
      { type: 'assistant_text_delta', speechId: 'speech_3', agentId: 'a', delta: 'Our hours are nine to five, ' },
      { type: 'assistant_text_delta', speechId: 'speech_3', agentId: 'a', delta: 'Monday to Friday.' },
      { type: 'interruption', speechId: 'speech_3', playedMs: 900 },
      { type: 'assistant_message', speechId: 'speech_3', agentId: 'a', text: 'Our hours are', interrupted: true },
    );
    await output.close();
    const streams = seen();
    expect(streams).toHaveLength(2);
    expect(streams[0]).toMatchObject({ attributes: agent('speech_3', false), closed: true });
    expect(streams[1]).toEqual({
      topic: 'lk.transcription',
      sender: 'agent',
      attributes: agent('speech_3', true),
      text: 'Our hours are',
      closed: true,
    });
  });

  it('keeps every LLM round of one speech (tool calls between) in its segment, with one final', async () => {
    const { output, send, seen } = setup();
    // The events of a reply with a tool round, as the engine sends them: each round's message
    // comes once the speech has played, then the agent state moves on.
    send(
      { type: 'assistant_text_delta', speechId: 'speech_4', agentId: 'a', delta: 'Let me check.' },
      { type: 'tool_call', callId: 'c1', agentId: 'a', name: 'lookup', arguments: {} },
      { type: 'tool_result', callId: 'c1', name: 'lookup', output: '{}', isError: false },
      { type: 'assistant_text_delta', speechId: 'speech_4', agentId: 'a', delta: ' You are booked.' },
      { type: 'assistant_message', speechId: 'speech_4', agentId: 'a', text: 'Let me check.', interrupted: false },
      { type: 'assistant_message', speechId: 'speech_4', agentId: 'a', text: 'You are booked.', interrupted: false },
      { type: 'agent_state', state: 'listening' },
    );
    await expect
      .poll(() =>
        seen().map((s) => [s.attributes['lk.segment_id'], s.attributes['lk.transcription_final'], s.text, s.closed]),
      )
      .toEqual([
        ['speech_4', 'false', 'Let me check. You are booked.', true],
        ['speech_4', 'true', 'Let me check. You are booked.', true],
      ]);
    await output.close();
    expect(seen()).toHaveLength(2);
  });

  it('sends a greeting that had no deltas as one final stream', async () => {
    const { output, send, seen } = setup();
    send({ type: 'assistant_message', speechId: 'speech_1', agentId: 'a', text: 'Hello!', interrupted: false });
    await output.close();
    expect(seen()).toEqual([
      { topic: 'lk.transcription', sender: 'agent', attributes: agent('speech_1', true), text: 'Hello!', closed: true },
    ]);
  });

  it('closes the stream of a speech interrupted before anything was heard when the next speech starts', async () => {
    const { output, send, seen } = setup();
    send(
      { type: 'assistant_text_delta', speechId: 'speech_5', agentId: 'a', delta: 'Well,' },
      { type: 'interruption', speechId: 'speech_5', playedMs: 0 },
      { type: 'assistant_text_delta', speechId: 'speech_6', agentId: 'a', delta: 'Yes?' },
    );
    await expect
      .poll(() => seen().map((s) => [s.attributes['lk.segment_id'], s.text, s.closed]))
      .toEqual([
        ['speech_5', 'Well,', true],
        ['speech_6', 'Yes?', false],
      ]);
    send({ type: 'session_ended', reason: 'user_hangup' });
    await output.close();
    expect(seen().every((s) => s.closed)).toBe(true);
  });

  it('does not echo typed user text, nor publish before a caller is linked', async () => {
    const typed = setup();
    typed.send({ type: 'transcript', role: 'user', text: 'hello', final: true, source: 'text' });
    await typed.output.close();
    expect(typed.seen()).toEqual([]);

    const unlinked = setup({ caller: null });
    unlinked.send({ type: 'transcript', role: 'user', text: 'hello', final: true, source: 'speech' });
    await unlinked.output.close();
    expect(unlinked.seen()).toEqual([]);
  });

  it('omits lk.transcribed_track_id while the track sid is unknown', async () => {
    const { output, send, seen } = setup({ agentTrack: '' });
    send({ type: 'assistant_message', speechId: 'speech_1', agentId: 'a', text: 'Hi', interrupted: false });
    await output.close();
    expect(seen()[0]?.attributes).toEqual({ 'lk.segment_id': 'speech_1', 'lk.transcription_final': 'true' });
  });

  it('makes user segment ids shaped like LiveKit Agents’ and unique', () => {
    const ids = new Set(Array.from({ length: 50 }, () => userSegmentId()));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^SG_[0-9a-f]{12}$/);
  });
});
