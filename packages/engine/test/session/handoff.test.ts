import { describe, expect, it } from 'vitest';
import { startTestSession } from '../../src/testing';
import { threeAgentFlow } from './flows';

describe('handoffs between agents', () => {
  it('moves a billing question to Billing, which answers with its own rules', async () => {
    const test = await startTestSession({ plan: threeAgentFlow() });
    const result = await test.run({ userInput: 'I have a question about my invoices' });
    result.expect.nextEvent().isFunctionCall({ name: 'transfer_to_billing' });
    result.expect.nextEvent().isFunctionCallOutput({ isError: false });
    result.expect.nextEvent().isAgentHandoff({ newAgent: 'billing' });
    result.expect.nextEvent().isMessage({ role: 'assistant', pattern: /this is Billing/ });
    result.expect.noMoreEvents();
    expect(test.session.activeAgentId).toBe('billing');

    const next = await test.run({ userInput: 'What is my balance?' });
    next.expect.nextEvent().isMessage({ role: 'assistant', content: 'Your balance is 42 dollars and 50 cents.' });
    await test.close();
  });

  it('speaks the transfer line, then the new agent greeting', async () => {
    const test = await startTestSession({ plan: threeAgentFlow() });
    const result = await test.run({ userInput: 'There is an outage, nothing works' });
    result.expect.containsFunctionCall({ name: 'transfer_to_support' });
    const messages = result.events.filter((e) => e.type === 'assistant_message').map((e) => e.text);
    expect(messages).toEqual(['Let me get support for you.', 'Support here, what is broken?']);
    const handoff = result.events.find((e) => e.type === 'handoff');
    expect(handoff).toMatchObject({ from: 'reception', to: 'support', edgeId: 'to-support' });
    await test.close();
  });
});

describe('context policies give the next agent the right history', () => {
  async function historyAfterHandoff(edge: Record<string, unknown>) {
    const test = await startTestSession({ plan: threeAgentFlow({}, edge) });
    await test.run({ userInput: 'My name is Ada' });
    await test.run({ userInput: 'Tell me a story' });
    await test.run({ userInput: 'Now about my payments' });
    const chat = [...test.session.chat];
    await test.close();
    return chat;
  }

  it('full keeps everything', async () => {
    const chat = await historyAfterHandoff({ contextPolicy: 'full' });
    const users = chat.filter((m) => m.role === 'user').map((m) => m.content);
    expect(users).toEqual(['My name is Ada', 'Tell me a story', 'Now about my payments']);
    expect(chat[0]).toEqual({ role: 'assistant', content: 'Hello, this is Acme.' });
  });

  it('lastN keeps the last N user turns', async () => {
    const chat = await historyAfterHandoff({ contextPolicy: 'lastN', lastN: 2 });
    expect(chat[0]).toEqual({ role: 'user', content: 'Tell me a story' });
    expect(chat.filter((m) => m.role === 'user')).toHaveLength(2);
  });

  it('summary replaces the history with a short summary', async () => {
    const chat = await historyAfterHandoff({ contextPolicy: 'summary' });
    expect(chat[0]?.role).toBe('system');
    expect(chat[0]?.content).toMatch(
      /^Summary of the call so far: the caller said "My name is Ada", then "Tell me a story", then "Now about my payments"\.$/,
    );
    expect(chat.filter((m) => m.role === 'user')).toHaveLength(0);
  });

  it('none starts the new agent from nothing', async () => {
    const chat = await historyAfterHandoff({ contextPolicy: 'none' });
    expect(chat.filter((m) => m.role === 'user')).toHaveLength(0);
    expect(chat.map((m) => m.content)).toEqual(['Hi, this is Billing. How can I help you?']);
  });
});
