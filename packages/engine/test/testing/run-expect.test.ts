import { describe, expect, it } from 'vitest';
import { createOpenAiLlm } from '../../src/providers/llm/openai';
import { RunAssertionError, startTestSession } from '../../src/testing';
import { startOpenAiDouble, textReply } from '../doubles/openai';
import { threeAgentFlow } from '../session/flows';

describe('run() expectations', () => {
  it('reads events in order and fails readably', async () => {
    const test = await startTestSession({ plan: threeAgentFlow() });
    const result = await test.run({ userInput: 'My name is Ada' });
    expect(() => result.expect.nextEvent().isMessage({ role: 'assistant' })).toThrow(RunAssertionError);
    expect(() => result.expect.nextEvent().isFunctionCall({ name: 'nope' })).toThrow(
      /expected a function_call[\s\S]*Events of this run:[\s\S]*set_variable/,
    );
    expect(() => result.expect.containsAgentHandoff()).toThrow(/Expected an agent handoff/);
    result.expect.skipNext(1);
    expect(() => result.expect.noMoreEvents()).toThrow(/Expected no more events/);
    await test.close();
  });

  it('judges a message with an LLM over the OpenAI protocol, failing with its reason', async () => {
    const double = await startOpenAiDouble({
      chat: [
        textReply('{"verdict": "pass", ', '"reason": "It gives the balance."}'),
        textReply('{"verdict": "fail", "reason": "It never mentions a refund."}'),
      ],
    });
    const judgeLlm = createOpenAiLlm({ apiKey: double.apiKey, baseUrl: double.baseUrl, model: 'judge' });
    const test = await startTestSession({ plan: threeAgentFlow() });
    await test.run({ userInput: 'about my invoice' });
    const result = await test.run({ userInput: 'what is my balance' });
    const message = result.expect.nextEvent().isMessage({ role: 'assistant' });
    await message.judge(judgeLlm, { intent: 'tells the caller their balance' });
    await expect(message.judge(judgeLlm, { intent: 'offers a refund' })).rejects.toThrow(/It never mentions a refund/);
    const asked = double.requests[0]?.body as { messages: { content: string }[] };
    expect(asked.messages[1]?.content).toContain('Your balance is 42 dollars and 50 cents.');
    await test.close();
    await double.close();
  });
});
