import OpenAI from 'openai';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type OpenAiDouble, startOpenAiDouble, textReply, toolCallsReply } from '../../doubles/openai';

/** The double's non-streaming answers, as a non-streaming client (e.g. an LLM judge) reads them. */
describe('OpenAI double: non-streaming chat completions', () => {
  let double: OpenAiDouble;
  beforeEach(async () => {
    double = await startOpenAiDouble();
  });
  afterEach(() => double.close());

  const client = () => new OpenAI({ apiKey: double.apiKey, baseURL: double.baseUrl, maxRetries: 0, timeout: 5000 });

  it('answers one JSON completion with the scripted text', async () => {
    double.replies.chat.push(textReply('{"pass":', 'true}'));
    const completion = await client().chat.completions.create({
      model: 'judge',
      messages: [{ role: 'user', content: 'grade' }],
    });
    expect(completion.choices[0]?.message.content).toBe('{"pass":true}');
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    expect(double.requests[0]?.body).toMatchObject({ model: 'judge' });
  });

  it('assembles scripted tool calls into message.tool_calls', async () => {
    double.replies.chat.push(toolCallsReply([{ id: 'call_1', name: 'verdict', arguments: '{"pass":false}' }]));
    const completion = await client().chat.completions.create({
      model: 'judge',
      messages: [{ role: 'user', content: 'x' }],
    });
    expect(completion.choices[0]?.message.tool_calls).toEqual([
      { id: 'call_1', type: 'function', function: { name: 'verdict', arguments: '{"pass":false}' } },
    ]);
    expect(completion.choices[0]?.finish_reason).toBe('tool_calls');
  });

  it('answers 500 when a test forgot to script a reply', async () => {
    await expect(client().chat.completions.create({ model: 'm', messages: [] })).rejects.toMatchObject({ status: 500 });
  });
});
