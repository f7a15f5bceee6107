import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../src/providers/llm/types';
import {
  buildTextModelInput,
  formatTextModelPrompt,
  recentTurns,
  textModelLimits,
} from '../../src/providers/turn/text-model-input';

const conversation: ChatMessage[] = [
  { role: 'system', content: 'You are a receptionist.' },
  { role: 'assistant', content: 'Hello, how can I help?' },
  { role: 'user', content: 'I want to book a table' },
  { role: 'assistant', content: '', toolCalls: [{ id: 'c1', name: 'lookup', arguments: '{}' }] },
  { role: 'tool', toolCallId: 'c1', content: '{"free": true}' },
  { role: 'assistant', content: 'For how many?' },
  { role: 'user', content: ' for two ' },
  { role: 'user', content: 'and' },
];

describe('text model input', () => {
  it('renders user/assistant turns in ChatML and strips the final end-of-utterance marker', () => {
    expect(formatTextModelPrompt(conversation)).toBe(
      '<|im_start|>assistant\nHello, how can I help?<|im_end|>\n' +
        '<|im_start|>user\nI want to book a table<|im_end|>\n' +
        '<|im_start|>assistant\nFor how many?<|im_end|>\n' +
        '<|im_start|>user\nfor two and',
    );
  });

  it('merges consecutive messages of one role and keeps the last 6 turns', () => {
    const long: ChatMessage[] = Array.from({ length: 10 }, (_, i) => ({
      role: i % 2 === 0 ? 'user' : 'assistant',
      content: `turn${i}`,
    }));
    const turns = recentTurns(long);
    expect(turns).toHaveLength(textModelLimits.maxTurns);
    expect(turns.map((turn) => turn.content)).toEqual(['turn4', 'turn5', 'turn6', 'turn7', 'turn8', 'turn9']);
    const prompt = formatTextModelPrompt(long);
    expect(prompt.startsWith('<|im_start|>user\nturn4<|im_end|>')).toBe(true);
    expect(prompt).not.toContain('turn3');
    expect(prompt.endsWith('<|im_start|>assistant\nturn9')).toBe(true);
  });

  it('keeps the last 128 tokens of the prompt', () => {
    const words = Array.from({ length: 300 }, (_, i) => `w${i}`);
    const chat: ChatMessage[] = [{ role: 'user', content: words.join(' ') }];
    // A whitespace "tokenizer" that keeps track of the text it was given.
    const seen: string[] = [];
    const input = buildTextModelInput(chat, (text) => {
      seen.push(text);
      return text.split(/\s+/).map((_, i) => i);
    });
    expect(seen).toEqual([input.prompt]);
    expect(input.prompt).toBe(`<|im_start|>user\n${words.join(' ')}`);
    // 301 pieces ("<|im_start|>user" + 300 words); the first 173 are cut.
    expect(input.ids).toHaveLength(textModelLimits.maxTokens);
    expect(input.ids[0]).toBe(301 - 128);
    expect(input.ids.at(-1)).toBe(300);
  });
});
