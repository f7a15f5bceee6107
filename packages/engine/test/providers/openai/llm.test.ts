import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOpenAiLlm } from '../../../src/providers/llm/openai';
import type { LlmChunk } from '../../../src/providers/llm/types';
import { type OpenAiDouble, startOpenAiDouble, textReply, toolCallsReply } from '../../doubles/openai';
import { collect, deferred } from './helpers';

const weatherTool = {
  name: 'get_weather',
  description: 'Weather for a city',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
};

describe('OpenAI-compatible LLM', () => {
  let double: OpenAiDouble;
  beforeEach(async () => {
    double = await startOpenAiDouble();
  });
  afterEach(() => double.close());

  const llm = () =>
    createOpenAiLlm({ apiKey: double.apiKey, baseUrl: double.baseUrl, model: 'gpt-test', temperature: 0.3 });

  it('streams text deltas as they arrive, before the model has finished', async () => {
    const firstRead = deferred();
    double.replies.chat.push([{ text: 'Hel' }, { waitFor: firstRead.promise }, { text: 'lo' }, { text: '!' }]);

    const deltas: string[] = [];
    for await (const chunk of llm().chat({ messages: [{ role: 'user', content: 'hi' }], tools: [] })) {
      if (chunk.type !== 'text') continue;
      if (deltas.length === 0) {
        // The double is paused after its first chunk: nothing later has been sent yet.
        expect(double.requests[0]?.sent).not.toContain('[DONE]');
        expect(double.requests[0]?.completed).toBe(false);
        firstRead.resolve();
      }
      deltas.push(chunk.delta);
    }
    expect(deltas).toEqual(['Hel', 'lo', '!']);
  });

  it('sends messages, tools, model and the key the way Chat Completions expects', async () => {
    double.replies.chat.push(textReply('ok'));
    await collect(
      llm().chat({
        messages: [
          { role: 'system', content: 'Be brief.' },
          { role: 'user', content: 'Weather in Paris?' },
          {
            role: 'assistant',
            content: '',
            toolCalls: [{ id: 'call_1', name: 'get_weather', arguments: '{"city":"Paris"}' }],
          },
          { role: 'tool', toolCallId: 'call_1', content: 'sunny' },
        ],
        tools: [weatherTool],
      }),
    );
    const request = double.requests[0];
    expect(request?.headers.authorization).toBe(`Bearer ${double.apiKey}`);
    expect(request?.body).toMatchObject({
      model: 'gpt-test',
      stream: true,
      temperature: 0.3,
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Weather in Paris?' },
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            { id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
          ],
        },
        { role: 'tool', tool_call_id: 'call_1', content: 'sunny' },
      ],
      tools: [{ type: 'function', function: weatherTool }],
    });
  });

  it('leaves out `tools` when the agent has none (some compatible servers reject an empty list)', async () => {
    double.replies.chat.push(textReply('ok'));
    await collect(llm().chat({ messages: [{ role: 'user', content: 'hi' }], tools: [] }));
    expect(double.requests[0]?.body).not.toHaveProperty('tools');
  });

  it('rebuilds parallel tool calls from arguments split across many deltas', async () => {
    double.replies.chat.push(
      toolCallsReply(
        [
          { id: 'call_a', name: 'get_weather', arguments: '{"city":"Paris"}' },
          { id: 'call_b', name: 'get_weather', arguments: '{"city":"Oslo"}' },
        ],
        { pieces: 4 },
      ),
    );
    const chunks = await collect(
      llm().chat({ messages: [{ role: 'user', content: 'two cities' }], tools: [weatherTool] }),
    );
    expect(chunks.filter((c) => c.type === 'tool_call')).toEqual([
      { type: 'tool_call', call: { id: 'call_a', name: 'get_weather', arguments: '{"city":"Paris"}' } },
      { type: 'tool_call', call: { id: 'call_b', name: 'get_weather', arguments: '{"city":"Oslo"}' } },
    ]);
  });

  it('keeps interleaved deltas of parallel calls apart by index', async () => {
    double.replies.chat.push([
      { toolCall: { index: 0, id: 'call_a', name: 'lookup', arguments: '{"q":' } },
      { toolCall: { index: 1, id: 'call_b', name: 'lookup', arguments: '{"q":' } },
      { toolCall: { index: 0, arguments: '"a"}' } },
      { toolCall: { index: 1, arguments: '"b"}' } },
    ]);
    const chunks = await collect(llm().chat({ messages: [{ role: 'user', content: 'x' }], tools: [weatherTool] }));
    const calls = chunks.flatMap((c) => (c.type === 'tool_call' ? [c.call] : []));
    expect(calls).toEqual([
      { id: 'call_a', name: 'lookup', arguments: '{"q":"a"}' },
      { id: 'call_b', name: 'lookup', arguments: '{"q":"b"}' },
    ]);
  });

  it('streams text before a tool call and reports token usage', async () => {
    double.replies.chat.push([
      { text: 'Let me check. ' },
      ...toolCallsReply([{ id: 'call_1', name: 'get_weather', arguments: '{"city":"Rome"}' }]),
      { usage: { promptTokens: 42, completionTokens: 7 } },
    ]);
    const chunks: LlmChunk[] = await collect(
      llm().chat({ messages: [{ role: 'user', content: 'Rome?' }], tools: [weatherTool] }),
    );
    expect(chunks.map((c) => c.type)).toEqual(['text', 'tool_call', 'usage']);
    expect(chunks[2]).toEqual({ type: 'usage', promptTokens: 42, completionTokens: 7 });
  });
});
