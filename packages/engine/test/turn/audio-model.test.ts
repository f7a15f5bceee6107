import { describe, expect, it } from 'vitest';
import { AudioTurnModel, audioModelFeatures } from '../../src/providers/turn/audio-model';
import { audioModel, audioModelParams } from './audio-fixtures';
import { useModelFolders } from './model-folder';

const folder = useModelFolders();

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** Deterministic white noise: stands in for loud speech. */
function noise(seconds: number): Int16Array {
  let state = 7;
  return Int16Array.from({ length: seconds * 16000 }, () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return Math.round((state / 2147483648 - 0.5) * 20000);
  });
}

function expectedProbability(audio: Int16Array): number {
  const features = audioModelFeatures(audio);
  const mean = features.reduce((a, b) => a + b, 0) / features.length;
  return sigmoid(audioModelParams.scale * mean + audioModelParams.bias);
}

describe('ONNX audio end-of-turn model', () => {
  it('feeds [1, 80, 800] log-mel features and reads a [1, 1] probability', async () => {
    const model = await AudioTurnModel.load(folder({ 'model.onnx': audioModel() }));
    const loud = noise(3);
    const quiet = new Int16Array(16000);
    const loudP = await model.predict({ chat: [], language: 'en', audio: loud });
    const quietP = await model.predict({ chat: [], language: 'en', audio: quiet });
    expect(loudP).toBeCloseTo(expectedProbability(loud), 4);
    expect(quietP).toBeCloseTo(sigmoid(audioModelParams.scale * -1.5), 4);
    expect(loudP).toBeGreaterThan(quietP);
    await model.close();
  });

  it('applies the sigmoid itself when turn_model.json says the output is a logit', async () => {
    const model = await AudioTurnModel.load(
      folder({ 'smart-turn.onnx': audioModel({ output: 'logit' }), 'turn_model.json': { output: 'logit' } }),
    );
    const audio = noise(8);
    expect(await model.predict({ chat: [], language: 'en', audio })).toBeCloseTo(expectedProbability(audio), 4);
    await model.close();
  });

  it('accepts the .onnx file itself as the path, and needs audio', async () => {
    const path = `${folder({ 'turn.onnx': audioModel() })}/turn.onnx`;
    const model = await AudioTurnModel.load(path);
    await expect(model.predict({ chat: [], language: 'en' })).rejects.toThrow('needs the user turn audio');
    await model.close();
  });
});
