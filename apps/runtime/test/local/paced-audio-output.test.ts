import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHUNK_MS, LEAD_MS, PacedAudioOutput } from '../../src/local/paced-audio-output';

const RATE = 22050;

function tone(ms: number): { samples: Int16Array; sampleRate: number } {
  return { samples: new Int16Array(Math.round((RATE * ms) / 1000)).fill(1000), sampleRate: RATE };
}

describe('PacedAudioOutput (local mode playback model)', () => {
  let sent: number[];
  let actions: string[];
  let output: PacedAudioOutput;
  const sentMs = () => sent.reduce((a, b) => a + b, 0);

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    sent = [];
    actions = [];
    output = new PacedAudioOutput({
      audio: (samples, sampleRate) => sent.push((samples.length / sampleRate) * 1000),
      playback: (action) => actions.push(action),
    });
  });
  afterEach(() => vi.useRealTimers());

  it('sends only LEAD_MS ahead of real time, in CHUNK_MS frames, and counts played time by the clock', async () => {
    output.write(tone(1000));
    expect(sentMs()).toBeGreaterThanOrEqual(LEAD_MS);
    expect(sentMs()).toBeLessThan(LEAD_MS + CHUNK_MS + 1);
    expect(output.playedMs()).toBe(0);
    await vi.advanceTimersByTimeAsync(300);
    expect(output.playedMs()).toBeCloseTo(300, 0);
    expect(sentMs()).toBeLessThan(300 + LEAD_MS + CHUNK_MS + 1);
    expect(Math.max(...sent)).toBeCloseTo(CHUNK_MS, 0);
  });

  it('flush resolves once everything sent has had time to play', async () => {
    output.write(tone(500));
    let flushed = false;
    void output.flush().then(() => {
      flushed = true;
    });
    await vi.advanceTimersByTimeAsync(490);
    expect(flushed).toBe(false);
    await vi.advanceTimersByTimeAsync(20);
    expect(flushed).toBe(true);
    expect(output.playedMs()).toBeCloseTo(500, 0);
  });

  it('clear stops sending at once, tells the client to drop what it has, and keeps the played position', async () => {
    output.write(tone(2000));
    const done = output.flush();
    await vi.advanceTimersByTimeAsync(400);
    output.clear();
    await done;
    const atClear = sentMs();
    expect(actions).toEqual(['clear']);
    expect(output.playedMs()).toBeCloseTo(400, 0);
    await vi.advanceTimersByTimeAsync(1000);
    expect(sentMs()).toBe(atClear);
    expect(output.playedMs()).toBeCloseTo(400, 0);
  });

  it('pause holds the position and the sending; resume continues from there', async () => {
    output.write(tone(1000));
    await vi.advanceTimersByTimeAsync(200);
    output.pause();
    const atPause = sentMs();
    await vi.advanceTimersByTimeAsync(1000);
    expect(output.playedMs()).toBeCloseTo(200, 0);
    expect(sentMs()).toBe(atPause);
    output.resume();
    await vi.advanceTimersByTimeAsync(100);
    expect(output.playedMs()).toBeCloseTo(300, 0);
    expect(actions).toEqual(['pause', 'resume']);
  });

  it('when audio comes late the client waited in silence: played time does not run ahead of it', async () => {
    output.write(tone(100));
    await vi.advanceTimersByTimeAsync(500);
    expect(output.playedMs()).toBeCloseTo(100, 0);
    output.write(tone(100));
    await vi.advanceTimersByTimeAsync(50);
    expect(output.playedMs()).toBeCloseTo(150, 0);
  });

  it('a new utterance after a flush starts from zero', async () => {
    output.write(tone(100));
    const first = output.flush();
    await vi.advanceTimersByTimeAsync(200);
    await first;
    output.write(tone(100));
    expect(output.playedMs()).toBe(0);
  });
});
