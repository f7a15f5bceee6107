import { encodeOnnxModel } from './onnx-model';

/**
 * A tiny text end-of-turn model, built from scratch with the real models' inputs and outputs.
 * Vocabulary of its tokenizer: ChatML markers, roles, and a few words.
 */
export const vocabulary =
  '[UNK] <|im_start|> <|im_end|> user assistant . ? , and um my name is hello there i want to book a table for two what time yes thanks'.split(
    ' ',
  );

/** Id of a vocabulary word. */
export function tokenId(word: string): number {
  const id = vocabulary.indexOf(word);
  if (id === -1) throw new Error(`not in the test vocabulary: ${word}`);
  return id;
}

const eouId = tokenId('<|im_end|>');

/** A WordPiece tokenizer.json over `vocabulary`, with the ChatML markers as special added tokens. */
export function tokenizerJson(): object {
  return {
    version: '1.0',
    added_tokens: ['<|im_start|>', '<|im_end|>'].map((content) => ({
      id: tokenId(content),
      content,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: { type: 'Lowercase' },
    pre_tokenizer: { type: 'Whitespace' },
    post_processor: null,
    decoder: null,
    model: {
      type: 'WordPiece',
      unk_token: '[UNK]',
      continuing_subword_prefix: '##',
      max_input_chars_per_word: 100,
      vocab: Object.fromEntries(vocabulary.map((word, id) => [word, id])),
    },
  };
}

/**
 * A bigram "language model": logits [1, n, vocab] = E[input_ids], where the row of each token
 * in `endTokens` puts `strength` on <|im_end|> and every other row is flat. So the probability
 * of the end of utterance depends on the last token only.
 */
export function lastTokenLogitsModel(endTokens: string[], strength = 6): Uint8Array {
  return encodeOnnxModel({
    inputs: [{ name: 'input_ids', type: 'int64', shape: [1, 'n'] }],
    outputs: [{ name: 'logits', type: 'float', shape: [1, 'n', vocabulary.length] }],
    initializers: [
      {
        name: 'E',
        type: 'float',
        dims: [vocabulary.length, vocabulary.length],
        values: bigramTable(endTokens, strength),
      },
    ],
    nodes: [
      {
        op: 'Gather',
        inputs: ['E', 'input_ids'],
        outputs: ['logits'],
        attributes: { axis: { kind: 'int', value: 0 } },
      },
    ],
  });
}

/** Logits [1, vocab] from the FIRST token the model receives: shows where truncation cut the input. */
export function firstTokenLogitsModel(endTokens: string[], strength = 6): Uint8Array {
  return encodeOnnxModel({
    inputs: [{ name: 'input_ids', type: 'int64', shape: [1, 'n'] }],
    outputs: [{ name: 'logits', type: 'float', shape: [1, vocabulary.length] }],
    initializers: [
      {
        name: 'E',
        type: 'float',
        dims: [vocabulary.length, vocabulary.length],
        values: bigramTable(endTokens, strength),
      },
      { name: 'zero', type: 'int64', dims: [], values: [0] },
    ],
    nodes: [
      {
        op: 'Gather',
        inputs: ['input_ids', 'zero'],
        outputs: ['first'],
        attributes: { axis: { kind: 'int', value: 1 } },
      },
      { op: 'Gather', inputs: ['E', 'first'], outputs: ['logits'], attributes: { axis: { kind: 'int', value: 0 } } },
    ],
  });
}

/** A single-output model: `score` [1] = w[last token], a logit of +3 for `endTokens`, -3 otherwise. */
export function lastTokenLogitModel(endTokens: string[]): Uint8Array {
  return encodeOnnxModel({
    inputs: [{ name: 'input_ids', type: 'int64', shape: [1, 'n'] }],
    outputs: [{ name: 'score', type: 'float', shape: [1] }],
    initializers: [
      {
        name: 'w',
        type: 'float',
        dims: [vocabulary.length],
        values: vocabulary.map((word) => (endTokens.includes(word) ? 3 : -3)),
      },
      { name: 'last', type: 'int64', dims: [], values: [-1] },
    ],
    nodes: [
      {
        op: 'Gather',
        inputs: ['input_ids', 'last'],
        outputs: ['lastId'],
        attributes: { axis: { kind: 'int', value: 1 } },
      },
      { op: 'Gather', inputs: ['w', 'lastId'], outputs: ['score'], attributes: { axis: { kind: 'int', value: 0 } } },
    ],
  });
}

function bigramTable(endTokens: string[], strength: number): number[] {
  const table = new Array<number>(vocabulary.length * vocabulary.length).fill(0);
  for (const word of endTokens) table[tokenId(word) * vocabulary.length + eouId] = strength;
  return table;
}

/** Probability the bigram model gives <|im_end|> after an end token, by softmax over a flat row. */
export function bigramEndProbability(strength = 6): number {
  return Math.exp(strength) / (Math.exp(strength) + vocabulary.length - 1);
}
