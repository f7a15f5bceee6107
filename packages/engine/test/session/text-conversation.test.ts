import { describe, expect, it } from 'vitest';
import { startTestSession } from '../../src/testing';
import { threeAgentFlow } from './flows';

describe('a typed conversation through the real session', () => {
  it('greets, answers by rule, sets a variable and re-renders instructions', async () => {
    const test = await startTestSession({ plan: threeAgentFlow() });
    expect(test.events.some((e) => e.type === 'assistant_message' && e.text === 'Hello, this is Acme.')).toBe(true);

    const result = await test.run({ userInput: 'Hi, my name is Ada' });
    result.expect
      .nextEvent()
      .isFunctionCall({ name: 'set_variable', arguments: { name: 'customer_name', value: 'Ada' } });
    result.expect.nextEvent().isFunctionCallOutput({ isError: false });
    result.expect.nextEvent().isMessage({ role: 'assistant', content: 'Nice to meet you, Ada.' });
    result.expect.nextEvent().isMessage({ role: 'assistant', content: 'All right, done.' });
    result.expect.noMoreEvents();
    expect(test.session.variables.customer_name).toBe('Ada');
    expect(result.events.find((e) => e.type === 'variable_set')).toMatchObject({ name: 'customer_name', value: 'Ada' });
    await test.close();
  });
});
