import type { PcmFrame } from '@parley/engine';
import { describe, expect, it } from 'vitest';
import { LiveKitAudioOutput } from '../../src/livekit/audio-output';
import { AGENT_AUDIO_RATE } from '../../src/livekit/conventions';
import { ResamplingAudioOutput } from '../../src/livekit/resampling-output';
import { WatchedSource } from '../support/watched-source';

const TTS_RATE = 22050;
const FRAME_MS = 10;

/** `ms` of a tone at the TTS rate in 20 ms frames, as espeak hands them over. */
function tts(ms: number): PcmFrame[] {
  const per = TTS_RATE / 50;
  const total = Math.round((TTS_RATE * ms) / 1000);
  const frames: PcmFrame[] = [];
  for (let at = 0; at < total; at += per) {
    const samples = new Int16Array(Math.min(per, total - at));
    for (let i = 0; i < samples.length; i++)
      samples[i] = Math.round(7000 * Math.sin((2 * Math.PI * 210 * (at + i)) / TTS_RATE));
    frames.push({ samples, sampleRate: TTS_RATE });
  }
  return frames;
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('played position of a new utterance on the agent track (real AudioSource, real resampler)', () => {
  it('is 0 until the new utterance’s first frame reaches the source, then dates its start within a frame', async () => {
    const source = new WatchedSource(AGENT_AUDIO_RATE, 1, 1000);
    const output = new ResamplingAudioOutput(new LiveKitAudioOutput(source), AGENT_AUDIO_RATE);
    for (const frame of tts(300)) output.write(frame);
    await output.flush();
    expect(output.playedMs()).toBeGreaterThan(290);

    source.arm({ audible: true });
    const [first, ...rest] = tts(400);
    output.write(first as PcmFrame);
    // The resampler may hold the first samples: nothing of the new utterance has played yet.
    expect(output.playedMs()).toBe(0);
    for (const frame of rest) output.write(frame);
    const flushed = output.flush();
    let startEstimate: number | null = null;
    while (startEstimate === null) {
      const played = output.playedMs();
      const now = performance.now();
      if (source.firstCaptureAt === null) expect(played).toBe(0);
      else if (played > 0) startEstimate = now - played;
      await tick();
    }
    expect(source.firstCaptureAt).not.toBeNull();
    expect(Math.abs(startEstimate - (source.firstCaptureAt as number))).toBeLessThanOrEqual(FRAME_MS);
    await flushed;
    expect(output.playedMs()).toBeGreaterThan(390);
    await source.close();
  });

  it('reads 0 when interrupted before a new utterance has played anything', async () => {
    const source = new WatchedSource(AGENT_AUDIO_RATE, 1, 1000);
    const output = new ResamplingAudioOutput(new LiveKitAudioOutput(source), AGENT_AUDIO_RATE);
    for (const frame of tts(200)) output.write(frame);
    await output.flush();
    output.write(tts(20)[0] as PcmFrame);
    expect(output.playedMs()).toBe(0);
    output.clear();
    expect(output.playedMs()).toBe(0);
    await source.close();
  });
});
