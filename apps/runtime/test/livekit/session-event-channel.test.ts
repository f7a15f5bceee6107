import type { SessionEvent } from '@parley/engine';
import { describe, expect, it } from 'vitest';
import {
  encodeSessionEvent,
  MAX_EVENT_PACKET_BYTES,
  SessionEventChannel,
} from '../../src/livekit/session-event-channel';
import { createLogger } from '../../src/log';

/** Records what LocalParticipant.publishData / sendText would put in the room, in order. */
function recordingParticipant(failing = false) {
  const sent: { via: 'packet' | 'text'; topic?: string; reliable?: boolean; json: unknown }[] = [];
  return {
    sent,
    publishData: async (data: Uint8Array, options: { reliable?: boolean; topic?: string }) => {
      await new Promise((resolve) => setTimeout(resolve, data.byteLength % 3));
      if (failing) throw new Error('engine is closed');
      sent.push({
        via: 'packet',
        topic: options.topic,
        reliable: options.reliable,
        json: JSON.parse(new TextDecoder().decode(data)),
      });
    },
    sendText: async (text: string, options?: { topic?: string }) => {
      sent.push({ via: 'text', topic: options?.topic, json: JSON.parse(text) });
      return {};
    },
  };
}

describe('SessionEvents on parley.events', () => {
  it('sends each event as one reliable packet of JSON, in order', async () => {
    const participant = recordingParticipant();
    const channel = new SessionEventChannel(
      participant,
      createLogger({}, () => undefined),
      () => true,
    );
    const events: SessionEvent[] = [
      { type: 'session_started', agentId: 'greeter', t: 0 },
      { type: 'agent_state', state: 'speaking', t: 5 },
      { type: 'vad', probability: 0.91, t: 70 },
      { type: 'session_ended', reason: 'user_hangup', t: 900 },
    ];
    for (const event of events) channel.send(event);
    await channel.settled();
    expect(participant.sent).toEqual(
      events.map((json) => ({ via: 'packet', topic: 'parley.events', reliable: true, json })),
    );
  });

  it('sends an event too large for a packet as a text stream on the same topic', async () => {
    const participant = recordingParticipant();
    const channel = new SessionEventChannel(
      participant,
      createLogger({}, () => undefined),
      () => true,
    );
    const big: SessionEvent = {
      type: 'tool_result',
      callId: 'c1',
      name: 'search',
      output: 'é'.repeat(8000),
      isError: false,
      t: 1,
    };
    expect(encodeSessionEvent(big).byteLength).toBeGreaterThan(MAX_EVENT_PACKET_BYTES);
    channel.send({ type: 'agent_state', state: 'thinking', t: 0 });
    channel.send(big);
    channel.send({ type: 'agent_state', state: 'speaking', t: 2 });
    await channel.settled();
    expect(participant.sent.map((s) => [s.via, s.topic])).toEqual([
      ['packet', 'parley.events'],
      ['text', 'parley.events'],
      ['packet', 'parley.events'],
    ]);
    expect(participant.sent[1]?.json).toEqual(big);
  });

  it('logs events the room refused, by type only (not their content)', async () => {
    const lines: string[] = [];
    const channel = new SessionEventChannel(
      recordingParticipant(true),
      createLogger({}, (line) => lines.push(line)),
      () => true,
    );
    channel.send({
      type: 'transcript',
      role: 'user',
      text: 'my card number is 4242',
      final: true,
      source: 'speech',
      t: 1,
    });
    await channel.settled();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('transcript');
    expect(lines[0]).toContain('engine is closed');
    expect(lines[0]).not.toContain('4242');
  });

  it('sends nothing until a participant asks for the events (only the tester reads them)', async () => {
    const participant = recordingParticipant();
    let asked = false;
    const channel = new SessionEventChannel(
      participant,
      createLogger({}, () => undefined),
      () => asked,
    );
    channel.send({ type: 'vad', probability: 0.1, t: 64 });
    asked = true;
    channel.send({ type: 'session_started', agentId: 'greeter', t: 0 });
    await channel.settled();
    expect(participant.sent.map((s) => (s.json as SessionEvent).type)).toEqual(['session_started']);
  });
});
