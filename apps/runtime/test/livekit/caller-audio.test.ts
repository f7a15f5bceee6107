import { AudioFrame, AudioSource, LocalAudioTrack } from '@livekit/rtc-node';
import type { PcmFrame } from '@parley/engine';
import { describe, expect, it } from 'vitest';
import { readCallerAudio } from '../../src/livekit/caller-audio';
import { toPcmFrame } from '../../src/livekit/pcm-frames';
import { createLogger } from '../../src/log';

const IN_RATE = 48000;

/** Stereo 10 ms frames of a 440 Hz tone (left = right), as a browser microphone track delivers. */
function stereoTone(frames: number): AudioFrame[] {
  const perFrame = IN_RATE / 100;
  return Array.from({ length: frames }, (_, f) => {
    const data = new Int16Array(perFrame * 2);
    for (let i = 0; i < perFrame; i++) {
      const v = Math.round(8000 * Math.sin((2 * Math.PI * 440 * (f * perFrame + i)) / IN_RATE));
      data[2 * i] = v;
      data[2 * i + 1] = v;
    }
    return new AudioFrame(data, IN_RATE, 2, perFrame);
  });
}

/** Upward zero crossings per second: the tone's frequency, whatever the sample rate. */
function frequency(samples: Int16Array, rate: number): number {
  let crossings = 0;
  for (let i = 1; i < samples.length; i++)
    if ((samples[i - 1] as number) < 0 && (samples[i] as number) >= 0) crossings++;
  return crossings / (samples.length / rate);
}

describe('caller audio', () => {
  it('mixes an rtc-node frame down to a mono engine frame (a copy)', () => {
    const frame = new AudioFrame(Int16Array.from([100, 300, -50, -150, 7, 8]), 48000, 2, 3);
    const pcm = toPcmFrame(frame);
    expect(pcm).toEqual({ samples: Int16Array.from([200, -100, 8]), sampleRate: 48000 });
    const mono = new AudioFrame(Int16Array.from([1, 2, 3]), 16000, 1, 3);
    const copy = toPcmFrame(mono);
    mono.data[0] = 99;
    expect(Array.from(copy.samples)).toEqual([1, 2, 3]);
  });

  it('reads a 48 kHz stereo track as 16 kHz mono frames with the same sound', async () => {
    // A real rtc-node track: the AudioStream path is the one a subscribed remote track takes.
    const source = new AudioSource(IN_RATE, 2, 1000);
    const track = LocalAudioTrack.createAudioTrack('caller-mic', source);
    const frames: PcmFrame[] = [];
    const audio = readCallerAudio(
      track,
      (frame) => frames.push(frame),
      createLogger({}, () => undefined),
    );
    for (const frame of stereoTone(50)) await source.captureFrame(frame);
    await source.waitForPlayout();
    // Keep only the tone (the stream may add silence around it).
    await expect
      .poll(() => frames.flatMap((f) => Array.from(f.samples)).filter((s) => s !== 0).length)
      .toBeGreaterThan(7000);
    await audio.stop();
    await audio.done;
    expect(frames.every((f) => f.sampleRate === 16000)).toBe(true);
    const voiced = Int16Array.from(frames.flatMap((f) => Array.from(f.samples)).filter((s) => s !== 0));
    // 500 ms of tone at 16 kHz, give or take the resampler's edges.
    expect(voiced.length).toBeGreaterThan(7000);
    expect(voiced.length).toBeLessThanOrEqual(8400);
    expect(frequency(voiced, 16000)).toBeGreaterThan(400);
    expect(frequency(voiced, 16000)).toBeLessThan(480);
    expect(Math.max(...voiced)).toBeGreaterThan(6000);
    await track.close();
    await source.close();
  });
});
