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

/**
 * A mono rtc-node frame of an engine frame's samples. rtc-node 1.1 hands the native side
 * `data.buffer` from its start, ignoring a view's offset and length, so a view into a larger
 * buffer would play the wrong samples (a buzz of repeated fragments): such views are copied.
 */
export function toAudioFrame(frame: PcmFrame): AudioFrame {
  return new AudioFrame(ownBuffer(frame.samples), frame.sampleRate, 1, frame.samples.length);
}

/** `samples` over a buffer of their own: the array itself when it already is, else a copy. */
export function ownBuffer(samples: Int16Array): Int16Array {
  const whole = samples.byteOffset === 0 && samples.byteLength === samples.buffer.byteLength;
  return whole ? samples : samples.slice();
}
