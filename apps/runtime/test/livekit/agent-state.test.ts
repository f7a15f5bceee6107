import type { AgentState } from '@parley/engine';
import { describe, expect, it } from 'vitest';
import { AgentStatePublisher, agentStateAttributes } from '../../src/livekit/agent-state';
import { createLogger } from '../../src/log';

const states: AgentState[] = ['initializing', 'idle', 'listening', 'thinking', 'speaking'];

/** Records setAttributes calls like a LocalParticipant would receive them; can be told to fail. */
function recordingParticipant() {
  const calls: Record<string, string>[] = [];
  let failNext = false;
  return {
    calls,
    failOnce: () => {
      failNext = true;
    },
    setAttributes: async (attributes: Record<string, string>) => {
      // A real setAttributes resolves after a round trip: later calls must still land in order.
      await new Promise((resolve) => setTimeout(resolve, calls.length % 2 === 0 ? 5 : 0));
      if (failNext) {
        failNext = false;
        throw new Error('not connected');
      }
      calls.push(attributes);
    },
  };
}

describe('agent state attribute', () => {
  it('publishes every Parley state under lk.agent.state with LiveKit’s value names', () => {
    for (const state of states) expect(agentStateAttributes(state)).toEqual({ 'lk.agent.state': state });
  });

  it('sends updates in order and skips repeats of the state last sent', async () => {
    const participant = recordingParticipant();
    const publisher = new AgentStatePublisher(
      participant,
      createLogger({}, () => undefined),
    );
    for (const state of [
      'initializing',
      'listening',
      'listening',
      'thinking',
      'speaking',
      'speaking',
      'listening',
    ] as const) {
      publisher.update(state);
    }
    await publisher.settled();
    expect(participant.calls.map((c) => c['lk.agent.state'])).toEqual([
      'initializing',
      'listening',
      'thinking',
      'speaking',
      'listening',
    ]);
  });

  it('logs a failed update and goes on with the next', async () => {
    const participant = recordingParticipant();
    const lines: string[] = [];
    const publisher = new AgentStatePublisher(
      participant,
      createLogger({}, (line) => lines.push(line)),
    );
    participant.failOnce();
    publisher.update('thinking');
    publisher.update('speaking');
    await publisher.settled();
    expect(participant.calls).toEqual([{ 'lk.agent.state': 'speaking' }]);
    expect(lines.join('\n')).toContain('not connected');
  });
});
