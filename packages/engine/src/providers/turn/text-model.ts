import { readFileSync } from 'node:fs';
import { Tokenizer } from '@huggingface/tokenizers';
import * as ort from 'onnxruntime-node';
import { modelLabel, resolveTextModelFiles, type TurnModelConfig, TurnModelSetupError } from './model-files';
import { openOnnxSession, outputProbability } from './onnx';
import { buildTextModelInput, chatMlTemplate } from './text-model-input';
import type { EndOfTurnContext, EndOfTurnModel } from './types';

/**
 * An ONNX text end-of-turn model from a local folder (tokenizer.json + model.onnx).
 * Input `input_ids` int64 [1, n] (plus an all-ones `attention_mask` if the model asks for one).
 * Output: logits over the vocabulary ([1, n, vocab] or [1, vocab]) whose softmax at the last
 * position gives the probability of the end-of-utterance token; or a single value, read per
 * turn_model.json's `output`.
 */
export class TextTurnModel implements EndOfTurnModel {
  private constructor(
    private readonly session: ort.InferenceSession,
    private readonly tokenizer: Tokenizer,
    private readonly eouId: number,
    private readonly output: TurnModelConfig['output'],
  ) {}

  /** Loads the model folder; throws TurnModelSetupError when a file or the EOU token is missing. */
  static async load(path: string): Promise<TextTurnModel> {
    const files = resolveTextModelFiles(path);
    const tokenizerConfig = files.tokenizerConfig ? JSON.parse(readFileSync(files.tokenizerConfig, 'utf8')) : {};
    assertChatMl(tokenizerConfig.chat_template, path);
    const tokenizer = new Tokenizer(JSON.parse(readFileSync(files.tokenizer, 'utf8')), tokenizerConfig);
    const eouId = tokenizer.token_to_id(chatMlTemplate.eouToken);
    if (eouId === undefined) {
      throw new TurnModelSetupError(`${modelLabel(path)}: tokenizer.json has no ${chatMlTemplate.eouToken} token`);
    }
    return new TextTurnModel(await openOnnxSession(files.model), tokenizer, eouId, files.config.output);
  }

  /** Probability that the user's last message ends their turn. */
  async predict(context: EndOfTurnContext): Promise<number> {
    const { ids } = buildTextModelInput(context.chat, (text) => this.encode(text));
    const shape = [1, ids.length];
    const feeds: Record<string, ort.Tensor> = {
      input_ids: new ort.Tensor('int64', BigInt64Array.from(ids, BigInt), shape),
    };
    if (this.session.inputNames.includes('attention_mask')) {
      feeds.attention_mask = new ort.Tensor('int64', new BigInt64Array(ids.length).fill(1n), shape);
    }
    const results = await this.session.run(feeds);
    const name = this.session.outputNames.includes('logits') ? 'logits' : this.session.outputNames[0];
    const output = name ? results[name] : undefined;
    if (!output) throw new Error('text end-of-turn model produced no output');
    const values = output.data as Float32Array;
    if (values.length === 1) return outputProbability(values[0] ?? 0, this.output);
    return eouProbability(values, output.dims.at(-1) ?? values.length, this.eouId);
  }

  /** Releases the ONNX session. */
  async close(): Promise<void> {
    await this.session.release();
  }

  private encode(text: string): number[] {
    return this.tokenizer.encode(text, { add_special_tokens: false }).ids;
  }
}

/** Softmax probability of the EOU token in the last row of a logits tensor. */
function eouProbability(logits: Float32Array, vocab: number, eouId: number): number {
  if (eouId >= vocab)
    throw new Error(`text end-of-turn model has ${vocab} logits, fewer than the EOU token id ${eouId}`);
  const row = logits.subarray(logits.length - vocab);
  let max = Number.NEGATIVE_INFINITY;
  for (const value of row) max = Math.max(max, value);
  let sum = 0;
  for (const value of row) sum += Math.exp(value - max);
  return Math.exp((row[eouId] ?? max) - max) / sum;
}

/** Refuses a chat_template that is not ChatML rather than silently feeding the model a foreign format. */
function assertChatMl(template: unknown, path: string): void {
  if (template === undefined) return;
  const text = typeof template === 'string' ? template : JSON.stringify(template);
  if (!text.includes('<|im_start|>') || !text.includes(chatMlTemplate.eouToken)) {
    throw new TurnModelSetupError(
      `${modelLabel(path)}: tokenizer_config.json's chat_template is not ChatML; only ChatML-formatted text models are supported`,
    );
  }
}
