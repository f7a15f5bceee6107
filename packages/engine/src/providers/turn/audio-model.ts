import * as ort from 'onnxruntime-node';
import { logMelSpectrogram, whisperMel } from './mel';
import { resolveAudioModelFiles, type TurnModelConfig } from './model-files';
import { openOnnxSession, outputProbability } from './onnx';
import type { EndOfTurnContext, EndOfTurnModel } from './types';

/** Smart Turn v3's window: the last 8 s of the turn, 800 feature frames. */
export const audioModelWindow = { seconds: 8, samples: 8 * whisperMel.sampleRate, frames: 800 } as const;

/**
 * The last 8 s of 16 kHz PCM as floats in -1..1, zero-padded at the start when shorter, so
 * the turn's end always sits at the end of the window. The speech part is normalised to zero
 * mean and unit variance (WhisperFeatureExtractor's do_normalize, which Smart Turn's reference
 * inference enables); the padding stays silent.
 */
export function audioModelWindowSamples(audio: Int16Array): Float32Array {
  const { samples } = audioModelWindow;
  const speech = audio.subarray(Math.max(0, audio.length - samples));
  let mean = 0;
  for (const s of speech) mean += s / 32768;
  mean /= Math.max(1, speech.length);
  let variance = 0;
  for (const s of speech) variance += (s / 32768 - mean) ** 2;
  variance /= Math.max(1, speech.length);
  const scale = 1 / Math.sqrt(variance + 1e-7);
  const window = new Float32Array(samples);
  const offset = samples - speech.length;
  for (let i = 0; i < speech.length; i++) window[offset + i] = (speech[i]! / 32768 - mean) * scale;
  return window;
}

/** `input_features` for the audio model: log-mel [80, 800] of the turn's last 8 s. */
export function audioModelFeatures(audio: Int16Array): Float32Array {
  return logMelSpectrogram(audioModelWindowSamples(audio)).data;
}

/**
 * An ONNX audio end-of-turn model in Smart Turn v3's format: input `input_features` float32
 * [1, 80, 800], output one value [1, 1] — a probability, or a logit per turn_model.json.
 */
export class AudioTurnModel implements EndOfTurnModel {
  private constructor(
    private readonly session: ort.InferenceSession,
    private readonly output: TurnModelConfig['output'],
  ) {}

  /** Loads the model (a folder with model.onnx, or the .onnx file). */
  static async load(path: string): Promise<AudioTurnModel> {
    const files = resolveAudioModelFiles(path);
    return new AudioTurnModel(await openOnnxSession(files.model), files.config.output);
  }

  /** Probability that the turn whose audio is in `context.audio` has ended. */
  async predict(context: EndOfTurnContext): Promise<number> {
    if (!context.audio) throw new Error('the audio end-of-turn model needs the user turn audio (context.audio)');
    const features = new ort.Tensor('float32', audioModelFeatures(context.audio), [
      1,
      whisperMel.nMels,
      audioModelWindow.frames,
    ]);
    const input = this.session.inputNames.includes('input_features') ? 'input_features' : this.session.inputNames[0];
    const output = this.session.outputNames[0];
    if (!input || !output) throw new Error('audio end-of-turn model has no input or output');
    const results = await this.session.run({ [input]: features });
    const value = (results[output]?.data as Float32Array | undefined)?.[0];
    if (value === undefined) throw new Error('audio end-of-turn model produced no output');
    return outputProbability(value, this.output);
  }

  /** Releases the ONNX session. */
  async close(): Promise<void> {
    await this.session.release();
  }
}
