import { describe, expect, it } from 'vitest';
import { compile } from '../../src/flow';
import { phoneMenuTemplate } from '../../src/templates/phone-menu';
import { TestSession } from '../../src/testing';

/** The template's call up to its keypad prompt. */
async function atMenu() {
  const test = new TestSession({ plan: compile(phoneMenuTemplate.spec) });
  await test.session.start();
  while (!test.events.some((e) => e.type === 'assistant_message' && e.text.startsWith('Press 1'))) await test.wait(20);
  return test;
}

const handoffs = (test: TestSession) => test.events.flatMap((e) => (e.type === 'handoff' ? [`${e.from}>${e.to}`] : []));

describe('phone-menu template', () => {
  it('key 1 -> Orders, whose on-enter lookup result ("delayed") routes to the apology and on to Billing', async () => {
    const test = await atMenu();
    test.transport.sendDtmf('1');
    await test.waitUntilIdle();
    expect(handoffs(test)).toEqual(['notice>menu', 'menu>orders', 'orders>apology', 'apology>billing']);
    const said = test.events.flatMap((e) => (e.type === 'assistant_message' ? [e.text] : []));
    expect(said).toContain('Sorry, your order is running a few days late.');
    await test.close();
  });

  it('no key -> the assistant; "a human" from there reaches the global Human; goodbye ends the call', async () => {
    const test = await atMenu();
    await test.waitUntilIdle();
    expect(test.session.activeAgentId).toBe('assistant');
    await test.run({ userInput: 'Can I speak to a human?' });
    expect(test.session.activeAgentId).toBe('human');
    const again = new TestSession({ plan: compile(phoneMenuTemplate.spec) });
    await again.session.start();
    await again.waitUntilIdle();
    const result = await again.run({ userInput: 'That is all, goodbye' });
    expect(result.events.at(-1)).toMatchObject({ type: 'session_ended', reason: 'end_call_tool' });
    await test.close();
    await again.close();
  });
});
