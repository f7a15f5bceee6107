import { describe, expect, it } from 'vitest';
import type { AgentPlan } from '../../src/flow';
import type { Llm } from '../../src/providers/llm/types';
import type { SessionEvent } from '../../src/session/events';
import { registryProviders } from '../../src/session/session-providers';
import { startTestSession, TestSession } from '../../src/testing';
import { disclaimerFlow, globalHumanFlow, orderFlow, pinFlow } from './flow-language-flows';

const messages = (events: readonly SessionEvent[]) =>
  events.filter((e) => e.type === 'assistant_message').map((e) => e.text);

describe('global agents', () => {
  it.each([
    ['reception', []],
    ['billing', ['My invoices please']],
    ['support', ['There is an outage']],
  ])('"Human" is reached from %s with no drawn edge', async (from, before) => {
    const test = await startTestSession({ plan: globalHumanFlow() });
    for (const line of before) await test.run({ userInput: line });
    expect(test.session.activeAgentId).toBe(from);
    const result = await test.run({ userInput: 'Can I talk to a human?' });
    result.expect.containsFunctionCall({ name: 'transfer_to_human' });
    expect(result.events.find((e) => e.type === 'handoff')).toMatchObject({
      from,
      to: 'human',
      edgeId: 'global:human',
    });
    expect(messages(result.events)).toContain('Human here.');
    await test.close();
  });

  it('is not offered to an agent that opted out', async () => {
    const test = await startTestSession({ plan: globalHumanFlow() });
    await test.run({ userInput: 'Payments question' });
    expect(test.session.activeAgentId).toBe('payments');
    const result = await test.run({ userInput: 'Can I talk to a human?' });
    expect(result.events.some((e) => e.type === 'handoff')).toBe(false);
    expect(test.session.activeAgentId).toBe('payments');
    await test.close();
  });
});

describe('condition edges and result branches', () => {
  /** The scripted LLM, with every chat round counted. */
  function countingLlm() {
    const rounds: string[] = [];
    const llm = (agent: AgentPlan): Llm => {
      const inner = registryProviders({ secrets: {} }).llm(agent);
      return {
        ...inner,
        id: inner.id,
        chat: (request) => {
          rounds.push(agent.id);
          return inner.chat(request);
        },
      };
    };
    return { rounds, llm };
  }

  it('a tool result makes a condition true: hand off at once, with no LLM round after the result', async () => {
    const { rounds, llm } = countingLlm();
    const test = await startTestSession({ plan: orderFlow('shipped'), providers: { llm } });
    const result = await test.run({ userInput: 'Where is my order?' });
    const types = result.events.map((e) => e.type);
    const handoffAt = types.indexOf('handoff');
    expect(types.indexOf('tool_result')).toBeLessThan(handoffAt);
    expect(result.events[handoffAt]).toMatchObject({
      from: 'orders',
      to: 'shipping',
      edgeId: 'shipped',
      reason: 'condition',
    });
    // One Orders round (it called the tool); the next round is Shipping's, never Orders' again.
    expect(rounds).toEqual(['orders']);
    expect(messages(result.events)).toEqual(['Let me look that up.', 'Shipping here.']);
    await test.close();
  });

  it('a result that makes no condition true lets the LLM answer as before', async () => {
    const { rounds, llm } = countingLlm();
    const test = await startTestSession({ plan: orderFlow('packing'), providers: { llm } });
    const result = await test.run({ userInput: 'Where is my order?' });
    expect(result.events.some((e) => e.type === 'handoff')).toBe(false);
    expect(rounds).toEqual(['orders', 'orders']);
    await test.close();
  });

  it('a variable change makes a condition true', async () => {
    const test = await startTestSession({ plan: orderFlow('packing') });
    const result = await test.run({ userInput: 'I am a gold member' });
    expect(result.events.find((e) => e.type === 'variable_set')).toMatchObject({ name: 'vip', value: true });
    expect(result.events.find((e) => e.type === 'handoff')).toMatchObject({ to: 'concierge', edgeId: 'vip' });
    await test.close();
  });

  it('a result branch routes by JSON path to its default, an end node that ends the call', async () => {
    const test = await startTestSession({ plan: orderFlow('packing') });
    const result = await test.run({ userInput: 'I want a refund' });
    expect(result.events.find((e) => e.type === 'handoff')).toMatchObject({
      to: 'goodbye',
      edgeId: 'branch:check_refund',
    });
    expect(messages(result.events)).toEqual(['No refund is possible. Goodbye.']);
    expect(result.events.at(-1)).toMatchObject({ type: 'session_ended', reason: 'end_call_tool' });
  });
});

describe('say and end nodes', () => {
  it('a say node speaks with no LLM and moves on; an end node says its line and ends the call', async () => {
    const test = await startTestSession({ plan: disclaimerFlow() });
    expect(messages(test.events)).toEqual(['This call may be recorded.', 'Reception here.']);
    expect(test.events.find((e) => e.type === 'handoff')).toMatchObject({ from: 'notice', to: 'reception' });
    const result = await test.run({ userInput: 'I am done, goodbye' });
    expect(messages(result.events)).toEqual(['Thanks for calling. Goodbye.']);
    expect(result.events.at(-1)).toMatchObject({ type: 'session_ended', reason: 'end_call_tool' });
  });
});

describe('DTMF through the in-process transport', () => {
  /** Starts the PIN flow and waits (in session time) until the prompt has been spoken. */
  async function promptedPin() {
    const test = new TestSession({ plan: pinFlow() });
    await test.session.start();
    while (!test.events.some((e) => e.type === 'assistant_message')) await test.wait(20);
    return test;
  }

  it('collects digits up to the terminator into a variable, and a condition routes on it', async () => {
    const test = await promptedPin();
    for (const key of '1234#') test.transport.sendDtmf(key);
    await test.waitUntilIdle();
    expect(test.events.filter((e) => e.type === 'dtmf').map((e) => e.type === 'dtmf' && e.digit)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '#',
    ]);
    expect(test.events.find((e) => e.type === 'variable_set')).toMatchObject({ name: 'pin', value: '1234' });
    expect(test.events.find((e) => e.type === 'handoff')).toMatchObject({ to: 'accounts', edgeId: 'right-pin' });
    await test.close();
  });

  it('stops at the timeout after the last key and keeps what arrived', async () => {
    const test = await promptedPin();
    test.transport.sendDtmf('9');
    const pressedAt = test.clock.now();
    await test.waitUntilIdle();
    const stored = test.events.find((e) => e.type === 'variable_set');
    expect(stored).toMatchObject({ name: 'pin', value: '9' });
    expect((stored?.t ?? 0) - pressedAt).toBeGreaterThanOrEqual(3000);
    expect(test.events.find((e) => e.type === 'handoff')).toMatchObject({ to: 'help', edgeId: 'other' });
    await test.close();
  });
});
