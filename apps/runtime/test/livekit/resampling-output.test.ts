import { AudioSource, AudioStream, LocalAudioTrack } from '@livekit/rtc-node';
import type { PcmFrame } from '@parley/engine';
import { describe, expect, it } from 'vitest';
import { LiveKitAudioOutput } from '../../src/livekit/audio-output';
import { AGENT_AUDIO_RATE } from '../../src/livekit/conventions';
import { ResamplingAudioOutput } from '../../src/livekit/resampling-output';

/** `ms` of a 300 Hz tone at `rate`, cut into 20 ms frames as a TTS stream arrives. */
function ttsFrames(rate: number, ms: number): PcmFrame[] {
  const total = (rate * ms) / 1000;
  const per = rate / 50;
  const frames: PcmFrame[] = [];
  for (let start = 0; start < total; start += per) {
    const samples = new Int16Array(Math.min(per, total - start));
    for (let i = 0; i < samples.length; i++)
      samples[i] = Math.round(9000 * Math.sin((2 * Math.PI * 300 * (start + i)) / rate));
    frames.push({ samples, sampleRate: rate });
  }
  return frames;
}

/** What the agent's published track carries: read back from the real source through a track. */
function listen(source: AudioSource) {
  const track = LocalAudioTrack.createAudioTrack('agent-voice', source);
  const reader = new AudioStream(track, { sampleRate: AGENT_AUDIO_RATE, numChannels: 1 }).getReader();
  const heard: number[] = [];
  const loop = (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      for (const s of value.data) if (s !== 0) heard.push(s);
    }
  })();
  return {
    heard,
    stop: async () => {
      await reader.cancel();
      await loop;
      await track.close();
    },
  };
}

function crossingsPerSecond(samples: number[], rate: number): number {
  let n = 0;
  for (let i = 1; i < samples.length; i++) if ((samples[i - 1] as number) < 0 && (samples[i] as number) >= 0) n++;
  return n / (samples.length / rate);
}

describe('ResamplingAudioOutput into the agent track', () => {
  it('plays 22.05 kHz TTS audio (espeak’s rate) on the 24 kHz track at the right length and pitch', async () => {
    const source = new AudioSource(AGENT_AUDIO_RATE, 1, 1000);
    const ear = listen(source);
    const output = new ResamplingAudioOutput(new LiveKitAudioOutput(source), AGENT_AUDIO_RATE);
    for (const frame of ttsFrames(22050, 400)) output.write(frame);
    await output.flush();
    expect(output.playedMs()).toBeGreaterThan(390);
    expect(output.playedMs()).toBeLessThan(410);
    await expect.poll(() => ear.heard.length).toBeGreaterThan(9400);
    await ear.stop();
    // 400 ms at 24 kHz = 9600 samples, give or take the resampler's edges.
    expect(ear.heard.length).toBeLessThanOrEqual(9700);
    const pitch = crossingsPerSecond(ear.heard, AGENT_AUDIO_RATE);
    expect(pitch).toBeGreaterThan(280);
    expect(pitch).toBeLessThan(320);
    await source.close();
  });

  it('passes audio already at the track rate through sample for sample', async () => {
    const source = new AudioSource(AGENT_AUDIO_RATE, 1, 1000);
    const ear = listen(source);
    const output = new ResamplingAudioOutput(new LiveKitAudioOutput(source), AGENT_AUDIO_RATE);
    const frames = ttsFrames(AGENT_AUDIO_RATE, 200);
    for (const frame of frames) output.write(frame);
    await output.flush();
    const sent = frames.flatMap((f) => Array.from(f.samples)).filter((s) => s !== 0);
    await expect.poll(() => ear.heard.length).toBe(sent.length);
    await ear.stop();
    expect(ear.heard).toEqual(sent);
    await source.close();
  });

  it('follows a change of TTS rate between utterances (a handoff to another voice) on the same track', async () => {
    const source = new AudioSource(AGENT_AUDIO_RATE, 1, 1000);
    const output = new ResamplingAudioOutput(new LiveKitAudioOutput(source), AGENT_AUDIO_RATE);
    for (const frame of ttsFrames(16000, 150)) output.write(frame);
    await output.flush();
    expect(output.playedMs()).toBeGreaterThan(140);
    for (const frame of ttsFrames(44100, 150)) output.write(frame);
    await output.flush();
    expect(output.playedMs()).toBeGreaterThan(140);
    expect(output.playedMs()).toBeLessThan(160);
    await source.close();
  });

  it('clear() drops audio still inside the resampler as well as what is queued', async () => {
    const source = new AudioSource(AGENT_AUDIO_RATE, 1, 1000);
    const output = new ResamplingAudioOutput(new LiveKitAudioOutput(source), AGENT_AUDIO_RATE);
    for (const frame of ttsFrames(22050, 1000)) output.write(frame);
    output.clear();
    await output.flush();
    expect(output.playedMs()).toBe(0);
    expect(source.queuedDuration).toBe(0);
    await source.close();
  });
});
