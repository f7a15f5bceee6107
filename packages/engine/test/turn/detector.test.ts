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

function settings(overrides: Partial<TurnModelSettings>): TurnModelSettings {
  return { ...turnHandlingDefaults.turnModel, ...overrides };
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
    const detector = await createEndOfTurnDetector(
      settings({ kind: 'text', path, thresholds: { en: 0.6, fr: 0.99 }, timeout: 10_000 }),
    );
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
    const detector = await createEndOfTurnDetector(
      settings({ kind: 'audio', path: folder({ 'model.onnx': audioModel() }), timeout: 10_000 }),
    );
    expect(detector.needsAudio).toBe(true);
    const silent = await detector.predict({ chat: [], language: 'en', audio: new Int16Array(8000) });
    expect(silent).toBeCloseTo(1 / (1 + Math.exp(3)), 4);
    await expect(detector.predict({ chat: [], language: 'en' })).rejects.toThrow('needs the user turn audio');
    await detector.close();
  });

  it('returns no decision when the model is slower than the timeout, and stays usable', async () => {
    const detector = await createEndOfTurnDetector(
      settings({ kind: 'audio', path: folder({ 'model.onnx': audioModel({ slow: true }) }), timeout: 20 }),
    );
    const audio = new Int16Array(16000);
    expect(await detector.predict({ chat: [], language: 'en', audio })).toBeUndefined();
    expect(await detector.predict({ chat: [], language: 'en', audio })).toBeUndefined();
    await detector.close();
  });

  it('rejects with the abort reason when the caller aborts, and answers when given time', async () => {
    const detector = await createEndOfTurnDetector(
      settings({ kind: 'audio', path: folder({ 'model.onnx': audioModel({ slow: true }) }), timeout: 20_000 }),
    );
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

  it('names the missing piece of a bad turnModel.path', async () => {
    await expect(createEndOfTurnDetector(settings({ kind: 'text', path: '' }))).rejects.toThrow(
      'turnModel.path is empty',
    );
    await expect(createEndOfTurnDetector(settings({ kind: 'text', path: '/nowhere/model' }))).rejects.toThrow(
      'turnModel.path /nowhere/model does not exist',
    );
    const noTokenizer = folder({ 'model.onnx': lastTokenLogitsModel(['.']) });
    await expect(createEndOfTurnDetector(settings({ kind: 'text', path: noTokenizer }))).rejects.toThrow(
      `turnModel.path ${noTokenizer} has no tokenizer.json`,
    );
    const noModel = folder({ 'tokenizer.json': tokenizerJson() });
    await expect(createEndOfTurnDetector(settings({ kind: 'audio', path: noModel }))).rejects.toThrow(
      `turnModel.path ${noModel} has no model.onnx`,
    );
  });

  it('reports a model the worker cannot load', async () => {
    const broken = folder({ 'tokenizer.json': tokenizerJson(), 'model.onnx': 'not an onnx model' });
    await expect(createEndOfTurnDetector(settings({ kind: 'text', path: broken }))).rejects.toThrow();
    const noEou = folder({
      'tokenizer.json': {
        ...tokenizerJson(),
        added_tokens: [],
        model: { ...(tokenizerJson() as { model: object }).model, vocab: { '[UNK]': 0, hello: 1 } },
      },
      'model.onnx': lastTokenLogitsModel(['.']),
    });
    await expect(createEndOfTurnDetector(settings({ kind: 'text', path: noEou }))).rejects.toBeInstanceOf(
      TurnModelSetupError,
    );
  });
});
