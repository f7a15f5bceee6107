import { CAPTURE_PROCESSOR, captureWorkletSource, loadWorklet } from './worklet-sources';

/**
 * The caller's microphone as 16 kHz mono s16 frames of 20 ms. Echo cancellation and noise
 * suppression stay on: the agent's own voice from the speakers must not interrupt it.
 */
export class MicCapture {
  /** The microphone's level, for the visualizer. */
  readonly analyser: AnalyserNode;

  private constructor(
    private readonly stream: MediaStream,
    private readonly source: MediaStreamAudioSourceNode,
    private readonly node: AudioWorkletNode,
    context: AudioContext,
  ) {
    this.analyser = context.createAnalyser();
    this.analyser.fftSize = 256;
    source.connect(this.analyser);
  }

  /** Asks for the microphone (may throw NotAllowedError / NotFoundError) and starts sending frames to `onFrame`. */
  static async start(context: AudioContext, onFrame: (frame: Int16Array) => void): Promise<MicCapture> {
    const stream = await navigator.mediaDevices.getUserMedia({
      audio: { echoCancellation: true, noiseSuppression: true, autoGainControl: true, channelCount: 1 },
    });
    try {
      await loadWorklet(context, captureWorkletSource);
      const source = context.createMediaStreamSource(stream);
      const node = new AudioWorkletNode(context, CAPTURE_PROCESSOR, { numberOfOutputs: 0 });
      node.port.onmessage = (event: MessageEvent<ArrayBuffer>) => onFrame(new Int16Array(event.data));
      source.connect(node);
      return new MicCapture(stream, source, node, context);
    } catch (error) {
      for (const track of stream.getTracks()) track.stop();
      throw error;
    }
  }

  /** Sends silence instead of the microphone while muted (the line stays open, as on a phone). */
  setMuted(muted: boolean): void {
    this.node.port.postMessage({ muted });
  }

  /** Releases the microphone. */
  stop(): void {
    this.source.disconnect();
    this.node.disconnect();
    this.node.port.onmessage = null;
    for (const track of this.stream.getTracks()) track.stop();
  }
}
