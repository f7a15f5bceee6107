import { AudioFrame } from '@livekit/rtc-node';
import type { PcmFrame } from '@parley/engine';

/** An engine frame from an rtc-node frame: a copy, channels averaged down to mono. */
export function toPcmFrame(frame: AudioFrame): PcmFrame {
  const { data, channels, samplesPerChannel, sampleRate } = frame;
  if (channels === 1) return { samples: data.slice(0, samplesPerChannel), sampleRate };
  const samples = new Int16Array(samplesPerChannel);
  for (let i = 0; i < samplesPerChannel; i++) {
    let sum = 0;
    for (let c = 0; c < channels; c++) sum += data[i * channels + c] as number;
    samples[i] = Math.round(sum / channels);
  }
  return { samples, sampleRate };
}

/** A mono rtc-node frame over an engine frame's samples (no copy). */
export function toAudioFrame(frame: PcmFrame): AudioFrame {
  return new AudioFrame(frame.samples, frame.sampleRate, 1, frame.samples.length);
}
