import { basename } from 'node:path';
import { Tokenizer } from '@huggingface/tokenizers';
import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../src/providers/llm/types';
import { TurnModelSetupError } from '../../src/providers/turn/model-files';
import { TextTurnModel } from '../../src/providers/turn/text-model';
import { buildTextModelInput } from '../../src/providers/turn/text-model-input';
import { useModelFolders } from './model-folder';
import {
  bigramEndProbability,
  firstTokenLogitsModel,
  lastTokenLogitModel,
  lastTokenLogitsModel,
  tokenId,
  tokenizerJson,
  vocabulary,
} from './text-fixtures';

const folder = useModelFolders();

function chat(userText: string): ChatMessage[] {
  return [
    { role: 'assistant', content: 'Hello there?' },
    { role: 'user', content: userText },
  ];
}

describe('ONNX text end-of-turn model', () => {
  it('tokenizes the ChatML prompt with tokenizer.json, without the final <|im_end|>', () => {
    const tokenizer = new Tokenizer(tokenizerJson(), {});
    const { ids } = buildTextModelInput(chat('I want a pizza.'), (text) => tokenizer.encode(text).ids);
    const words = ids.map((id) => vocabulary[id]);
    expect(words).toEqual(
      ['<|im_start|>', 'assistant', 'hello', 'there', '?', '<|im_end|>'].concat([
        '<|im_start|>',
        'user',
        'i',
        'want',
        'a',
        '[UNK]',
        '.',
      ]),
    );
    expect(ids.at(-1)).toBe(tokenId('.'));
  });

  it('reads the end-of-utterance probability from the logits at the last position', async () => {
    const model = await TextTurnModel.load(
      folder({ 'tokenizer.json': tokenizerJson(), 'model.onnx': lastTokenLogitsModel(['.', '?']) }),
    );
    const finished = await model.predict({ chat: chat('I want to book a table.'), language: 'en' });
    const unfinished = await model.predict({ chat: chat('I want to book a table and'), language: 'en' });
    const question = await model.predict({ chat: chat('what time?'), language: 'en' });
    expect(finished).toBeCloseTo(bigramEndProbability(), 5);
    expect(question).toBeCloseTo(bigramEndProbability(), 5);
    expect(unfinished).toBeCloseTo(1 / vocabulary.length, 5);
    await model.close();
  });

  it('feeds the model only the last 128 tokens', async () => {
    // This model answers from the FIRST token it receives: <|im_start|> means the whole prompt fit.
    const model = await TextTurnModel.load(
      folder({ 'tokenizer.json': tokenizerJson(), 'model.onnx': firstTokenLogitsModel(['<|im_start|>']) }),
    );
    const short = await model.predict({ chat: chat('yes'), language: 'en' });
    const long = await model.predict({ chat: chat('table '.repeat(200)), language: 'en' });
    expect(short).toBeCloseTo(bigramEndProbability(), 5);
    expect(long).toBeCloseTo(1 / vocabulary.length, 5);
    await model.close();
  });

  it('accepts a single-value output, as a logit when turn_model.json says so', async () => {
    const model = await TextTurnModel.load(
      folder({
        'tokenizer.json': tokenizerJson(),
        'eou.onnx': lastTokenLogitModel(['.']),
        'turn_model.json': { output: 'logit' },
      }),
    );
    const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
    expect(await model.predict({ chat: chat('thanks.'), language: 'en' })).toBeCloseTo(sigmoid(3), 5);
    expect(await model.predict({ chat: chat('thanks and'), language: 'en' })).toBeCloseTo(sigmoid(-3), 5);
    await model.close();
  });

  it('refuses a folder without tokenizer.json, and a non-ChatML chat template', async () => {
    const noTokenizer = folder({ 'model.onnx': lastTokenLogitsModel(['.']) });
    await expect(TextTurnModel.load(noTokenizer)).rejects.toThrow(
      `turn model "${basename(noTokenizer)}" has no tokenizer.json`,
    );
    const llama = folder({
      'tokenizer.json': tokenizerJson(),
      'tokenizer_config.json': { chat_template: '{{ "<|start_header_id|>" + message.role }}' },
      'model.onnx': lastTokenLogitsModel(['.']),
    });
    await expect(TextTurnModel.load(llama)).rejects.toBeInstanceOf(TurnModelSetupError);
    const chatMl = folder({
      'tokenizer.json': tokenizerJson(),
      'tokenizer_config.json': {
        chat_template: "{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>'}}",
      },
      'model.onnx': lastTokenLogitsModel(['.']),
    });
    const model = await TextTurnModel.load(chatMl);
    await model.close();
  });
});
