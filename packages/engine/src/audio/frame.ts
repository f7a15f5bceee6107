/** Mono 16-bit PCM. The engine works in 16 kHz in; output is at the TTS provider's rate. */
export interface PcmFrame {
  samples: Int16Array;
  sampleRate: number;
}

/** Duration of a frame in milliseconds. */
export function frameDurationMs(frame: PcmFrame): number {
  return (frame.samples.length / frame.sampleRate) * 1000;
}

/** The rate every engine input is converted to (VAD, STT, turn models). */
export const ENGINE_INPUT_RATE = 16000;
