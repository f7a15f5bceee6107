import { AudioSource } from '@livekit/rtc-node';
import { describe, expect, it } from 'vitest';
import { LiveKitAudioOutput } from '../../src/livekit/audio-output';

const RATE = 24000;
const tone = (ms: number) => {
  const samples = new Int16Array((RATE * ms) / 1000);
  for (let i = 0; i < samples.length; i++) samples[i] = Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / RATE));
  return { samples, sampleRate: RATE };
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('LiveKitAudioOutput over a real rtc-node AudioSource', () => {
  it('paces audio into the source, keeping only a short lead queued', async () => {
    const source = new AudioSource(RATE, 1, 1000);
    const output = new LiveKitAudioOutput(source);
    output.write(tone(600));
    let maxQueued = 0;
    const done = output.flush().then(() => 'done');
    while ((await Promise.race([done, sleep(20).then(() => 'tick')])) === 'tick') {
      maxQueued = Math.max(maxQueued, source.queuedDuration);
    }
    expect(maxQueued).toBeGreaterThan(0);
    expect(maxQueued).toBeLessThanOrEqual(120);
    expect(output.playedMs()).toBeCloseTo(600, -1);
    await source.close();
  });

  it('clear() stops at once: nothing stays queued and the played position stops growing', async () => {
    const source = new AudioSource(RATE, 1, 1000);
    const output = new LiveKitAudioOutput(source);
    output.write(tone(1000));
    const flushed = output.flush();
    await sleep(250);
    output.clear();
    await flushed;
    expect(source.queuedDuration).toBe(0);
    const after = output.playedMs();
    await sleep(100);
    expect(output.playedMs()).toBe(after);
    await source.close();
  });

  it('pause() holds the unplayed audio and resume() plays all of it exactly once', async () => {
    const source = new AudioSource(RATE, 1, 1000);
    const output = new LiveKitAudioOutput(source);
    output.write(tone(500));
    await sleep(150);
    output.pause();
    const atPause = output.playedMs();
    expect(atPause).toBeGreaterThan(0);
    expect(atPause).toBeLessThan(500);
    await sleep(200);
    expect(output.playedMs()).toBe(atPause);
    expect(source.queuedDuration).toBe(0);
    output.resume();
    await output.flush();
    expect(output.playedMs()).toBeCloseTo(500, -1);
    await source.close();
  });

  it('starts a new utterance at position 0 after the previous one played out', async () => {
    const source = new AudioSource(RATE, 1, 1000);
    const output = new LiveKitAudioOutput(source);
    output.write(tone(100));
    await output.flush();
    output.write(tone(100));
    expect(output.playedMs()).toBeLessThan(100);
    await output.flush();
    expect(output.playedMs()).toBeCloseTo(100, -1);
    await source.close();
  });

  it('ends quietly when the source is closed right after clear() (the call hanging up mid-frame)', async () => {
    const errors: unknown[] = [];
    const onError = (error: unknown) => errors.push(error);
    process.on('unhandledRejection', onError);
    try {
      for (let i = 0; i < 20; i++) {
        const source = new AudioSource(RATE, 1, 1000);
        const output = new LiveKitAudioOutput(source);
        output.write(tone(300));
        await sleep(i % 3);
        output.clear();
        await source.close();
        await sleep(20);
      }
    } finally {
      process.off('unhandledRejection', onError);
    }
    expect(errors).toEqual([]);
  });

  it('refuses audio at a different rate than the source', () => {
    const output = new LiveKitAudioOutput(new AudioSource(RATE, 1, 1000));
    expect(() => output.write({ samples: new Int16Array(160), sampleRate: 16000 })).toThrow(/16000 Hz.*24000 Hz/);
  });
});
