import { describe, expect, it } from 'vitest';
import { startTestSession } from '../../src/testing';
import { threeAgentFlow } from './flows';

describe('voiceToVoice', () => {
  it('runs to the first agent audio actually played, not to when it was handed to the output', async () => {
    const test = await startTestSession({ plan: threeAgentFlow() });
    // The caller's side holds playback (a transport buffering, a jitter buffer): audio queues unheard.
    test.transport.output.pause();
    const from = test.events.length;
    test.sendText('Hi, my name is Bo');
    await test.wait(700);
    expect(test.session.state).toBe('speaking');
    test.transport.output.resume();
    await test.waitUntilIdle();

    const events = test.events.slice(from);
    const typed = events.find((e) => e.type === 'transcript')!;
    const metrics = events.find((e) => e.type === 'metrics');
    const resumed = test.transport.output.log.find((e) => e.type === 'resume')!;
    const firstFrame = test.transport.output.log.find((e) => e.type === 'frame' && e.t >= typed.t)!;
    expect(firstFrame.t).toBe(resumed.t);
    expect(metrics?.type === 'metrics' && metrics.metrics.voiceToVoice).toBeCloseTo(firstFrame.t - typed.t, 0);
    expect(metrics?.type === 'metrics' && metrics.metrics.voiceToVoice).toBeGreaterThanOrEqual(700);
    await test.close();
  });
});
