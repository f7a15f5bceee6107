import { basename, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { turnHandlingDefaults } from '../../src/flow/defaults';
import type { ChatMessage } from '../../src/providers/llm/types';
import { createEndOfTurnDetector } from '../../src/providers/turn/detector';
import { TurnModelSetupError } from '../../src/providers/turn/model-files';
import type { TurnModelSettings } from '../../src/providers/turn/types';
import { audioModel } from './audio-fixtures';
import { useModelFolders } from './model-folder';
import { bigramEndProbability, lastTokenLogitsModel, tokenizerJson, vocabulary } from './text-fixtures';

const folder = useModelFolders();
// The file's models folder: the parent of every folder() made (one empty model fixes where it is).
let dir: string | undefined;
const modelsDir = () => {
  dir ??= dirname(folder({}));
  return dir;
};

function settings(overrides: Partial<TurnModelSettings> & { path?: string }): TurnModelSettings {
  const { path, ...rest } = overrides;
  return { ...turnHandlingDefaults.turnModel, ...rest, ...(path ? { model: basename(path) } : {}) };
}

/** Builds the detector with the test file's models folder (every `folder()` is a model in it). */
function detect(overrides: Partial<TurnModelSettings> & { path?: string }) {
  return createEndOfTurnDetector(settings(overrides), modelsDir());
}

function chat(text: string): ChatMessage[] {
  return [
    { role: 'assistant', content: 'Hello there?' },
    { role: 'user', content: text },
  ];
}

describe('end-of-turn detectors in a worker thread', () => {
  it('runs the text model off the main thread with per-language thresholds', async () => {
    const path = folder({ 'tokenizer.json': tokenizerJson(), 'model.onnx': lastTokenLogitsModel(['.']) });
    const detector = await detect({ kind: 'text', path, thresholds: { en: 0.6, fr: 0.99 }, timeout: 10_000 });
    expect(detector.kind).toBe('text');
    expect(detector.needsAudio).toBe(false);
    expect(await detector.predict({ chat: chat('yes thanks.'), language: 'en' })).toBeCloseTo(
      bigramEndProbability(),
      5,
    );
    expect(await detector.predict({ chat: chat('my name is'), language: 'en' })).toBeCloseTo(1 / vocabulary.length, 5);
    expect(detector.threshold('en-US')).toBe(0.6);
    expect(detector.threshold('fr')).toBe(0.99);
    expect(detector.threshold('ja')).toBe(0.6);
    await detector.close();
    await expect(detector.predict({ chat: chat('yes.'), language: 'en' })).rejects.toThrow('closed');
  });

  it('runs the audio model off the main thread', async () => {
    const detector = await detect({ kind: 'audio', path: folder({ 'model.onnx': audioModel() }), timeout: 10_000 });
    expect(detector.needsAudio).toBe(true);
    const silent = await detector.predict({ chat: [], language: 'en', audio: new Int16Array(8000) });
    expect(silent).toBeCloseTo(1 / (1 + Math.exp(3)), 4);
    await expect(detector.predict({ chat: [], language: 'en' })).rejects.toThrow('needs the user turn audio');
    await detector.close();
  });

  it('returns no decision when the model is slower than the timeout, and stays usable', async () => {
    const detector = await detect({
      kind: 'audio',
      path: folder({ 'model.onnx': audioModel({ slow: true }) }),
      timeout: 20,
    });
    const audio = new Int16Array(16000);
    expect(await detector.predict({ chat: [], language: 'en', audio })).toBeUndefined();
    expect(await detector.predict({ chat: [], language: 'en', audio })).toBeUndefined();
    await detector.close();
  });

  it('rejects with the abort reason when the caller aborts, and answers when given time', async () => {
    const detector = await detect({
      kind: 'audio',
      path: folder({ 'model.onnx': audioModel({ slow: true }) }),
      timeout: 20_000,
    });
    const controller = new AbortController();
    const audio = new Int16Array(16000);
    const prediction = detector.predict({ chat: [], language: 'en', audio }, controller.signal);
    controller.abort(new Error('user spoke again'));
    await expect(prediction).rejects.toThrow('user spoke again');
    // The same slow model does produce a probability within a generous timeout.
    const probability = await detector.predict({ chat: [], language: 'en', audio });
    expect(probability).toBeGreaterThanOrEqual(0);
    expect(probability).toBeLessThanOrEqual(1);
    await detector.close();
  });

  it('loads models only by name from the models folder, and names the missing piece without a path', async () => {
    const dir = modelsDir();
    await expect(createEndOfTurnDetector(settings({ kind: 'text', model: '' }), dir)).rejects.toThrow(
      /no turn model was named in turnModel\.model \(installed: model-\d+/,
    );
    for (const probe of ['/root/.ssh', '../../etc', 'nowhere']) {
      const error = await createEndOfTurnDetector(settings({ kind: 'text', model: probe }), dir).catch((e) => e);
      expect(error).toBeInstanceOf(TurnModelSetupError);
      expect(error.message).toMatch(new RegExp(`turn model "${probe.replace(/\./g, '\\.')}" is not installed`));
      expect(error.message).not.toContain(dir);
    }
    await expect(createEndOfTurnDetector(settings({ kind: 'audio', model: 'model-1' }))).rejects.toThrow(
      /no turn models folder \(set PARLEY_MODELS_DIR\)/,
    );
    const noTokenizer = folder({ 'model.onnx': lastTokenLogitsModel(['.']) });
    const missing = await detect({ kind: 'text', path: noTokenizer }).catch((e) => e);
    expect(missing.message).toBe(`turn model "${basename(noTokenizer)}" has no tokenizer.json`);
    const noModel = folder({ 'tokenizer.json': tokenizerJson() });
    await expect(detect({ kind: 'audio', path: noModel })).rejects.toThrow(
      `turn model "${basename(noModel)}" has no model.onnx`,
    );
  });

  it('reports a model the worker cannot load', async () => {
    const broken = folder({ 'tokenizer.json': tokenizerJson(), 'model.onnx': 'not an onnx model' });
    await expect(detect({ kind: 'text', path: broken })).rejects.toThrow();
    const noEou = folder({
      'tokenizer.json': {
        ...tokenizerJson(),
        added_tokens: [],
        model: { ...(tokenizerJson() as { model: object }).model, vocab: { '[UNK]': 0, hello: 1 } },
      },
      'model.onnx': lastTokenLogitsModel(['.']),
    });
    await expect(detect({ kind: 'text', path: noEou })).rejects.toBeInstanceOf(TurnModelSetupError);
  });
});
