import { type Clock, ENGINE_INPUT_RATE, type PcmFrame, Resampler, type Transport } from '@parley/engine';
import type { AudioRecorder } from './audio-recorder';
import { PlayedAudioTap } from './played-audio-tap';

/**
 * Wraps a call's transport so the recorder hears what the engine hears and what the caller
 * hears: caller audio (at 16 kHz, as the session resamples it) as it is handed to the session,
 * the agent's audio as the output plays it, and every event. Closing the transport stores the
 * rest of the recording first.
 */
export function recordingTransport(inner: Transport, recorder: AudioRecorder, clock: Clock): Transport {
  const output = new PlayedAudioTap(inner.output, clock, recorder);
  let resampler: Resampler | null = null;
  const to16k = (frame: PcmFrame) => {
    if (frame.sampleRate === ENGINE_INPUT_RATE) return frame.samples;
    if (resampler?.inputRate !== frame.sampleRate) resampler = new Resampler(frame.sampleRate, ENGINE_INPUT_RATE);
    return resampler.push(frame.samples);
  };
  return {
    output,
    connect: (input) =>
      inner.connect({
        audio: (frame) => {
          recorder.callerAudio(to16k(frame), clock.now());
          input.audio(frame);
        },
        text: (text) => input.text(text),
        hangup: () => input.hangup(),
      }),
    send: (event) => {
      recorder.event(event);
      inner.send(event);
    },
    close: async () => {
      output.stop();
      await inner.close();
      await recorder.close();
    },
  };
}
