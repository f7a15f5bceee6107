import { describe, expect, it } from 'vitest';
import { compile } from '../../src/flow';
import type { SessionEvent } from '../../src/session/events';
import type { Resolver } from '../../src/session/tools/address-guard';
import { receptionistTemplate } from '../../src/templates/receptionist';
import { startTestSession } from '../../src/testing';

/** A resolver for a machine with no network: every name fails as the system's would. */
const offlineDns: Resolver = async (host) => {
  throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
};

function lookupPlan() {
  return compile({
    schemaVersion: 1,
    name: 'Billing',
    entryAgentId: 'a',
    agents: [
      {
        id: 'a',
        name: 'Billing',
        tools: [{ type: 'webhook', name: 'lookup_invoice', url: 'https://invoices.example.com/lookup' }],
        script: {
          rules: [
            { when: 'invoice', say: 'Let me look that up.', call: { tool: 'lookup_invoice', args: { id: '7' } } },
          ],
        },
      },
    ],
    edges: [],
  });
}

/** What the caller is told: every assistant text (deltas and messages). */
function spoken(events: readonly SessionEvent[]): string[] {
  return events.flatMap((e) =>
    e.type === 'assistant_message' ? [e.text] : e.type === 'assistant_text_delta' ? [e.delta] : [],
  );
}

describe('tool failures and replies with tool rounds, as the caller hears them', () => {
  it('apologises briefly in the agent’s voice; the technical reason goes to the tool result only', async () => {
    const test = await startTestSession({ plan: lookupPlan(), webhooks: { resolve: offlineDns } });
    const result = await test.run({ userInput: 'What about my invoice?' });
    result.expect.containsFunctionCallOutput({
      isError: true,
      output: /cannot resolve invoices\.example\.com \(ENOTFOUND\)/,
    });
    result.expect.containsMessage({ role: 'assistant', pattern: /^Sorry/ });
    for (const text of spoken(result.events)) expect(text).not.toMatch(/webhook|ENOTFOUND|example\.com|lookup_invoice/);
    await test.close();
  });

  it('streams the rounds of one reply as spaced text (deltas join into the messages joined by a space)', async () => {
    const test = await startTestSession({ plan: lookupPlan(), webhooks: { resolve: offlineDns } });
    const result = await test.run({ userInput: 'What about my invoice?' });
    const deltas = result.events.flatMap((e) => (e.type === 'assistant_text_delta' ? [e.delta] : []));
    const messages = result.events.flatMap((e) => (e.type === 'assistant_message' ? [e.text] : []));
    expect(messages.length).toBe(2);
    expect(deltas.join('').trim()).toBe(messages.join(' '));
    await test.close();
  });

  it('runs the receptionist template end to end with no network: the invoice lookup answers', async () => {
    const test = await startTestSession({
      plan: compile(receptionistTemplate.spec),
      webhooks: { resolve: offlineDns },
    });
    await test.start();
    await test.run({ userInput: 'I have a question about my bill' });
    expect(test.session.activeAgentId).toBe('billing');
    const result = await test.run({ userInput: 'invoice one two three' });
    result.expect.containsFunctionCall({ name: 'lookup_invoice' });
    result.expect.containsFunctionCallOutput({ isError: false });
    result.expect.containsMessage({ role: 'assistant', pattern: /invoice 123/i });
    for (const text of spoken(result.events)) expect(text).not.toMatch(/Sorry|webhook|ENOTFOUND/);
    await test.close();
  });
});
