import { compile, type FlowSpecInput, type SessionPlan } from '../../src/flow';

/** Reception hands callers to Billing or Support; each agent has a few scripted rules. */
export function threeAgentFlow(
  overrides: Partial<FlowSpecInput> = {},
  edge: Record<string, unknown> = {},
): SessionPlan {
  const spec: FlowSpecInput = {
    schemaVersion: 1,
    name: 'Front desk',
    entryAgentId: 'reception',
    variables: [{ name: 'customer_name', type: 'string', description: 'Caller name' }],
    agents: [
      {
        id: 'reception',
        name: 'Reception',
        instructions: 'You greet callers of Acme. Caller: {{customer_name}}.',
        greeting: 'Hello, this is Acme.',
        tools: [{ type: 'end_call' }],
        script: {
          rules: [
            {
              when: 'my name is (?<name>\\w+)',
              say: 'Nice to meet you, {{name}}.',
              call: { tool: 'set_variable', args: { name: 'customer_name', value: '{{name}}' } },
            },
            { when: 'goodbye|bye', say: 'Goodbye!', call: { tool: 'end_call', args: {} } },
            {
              when: 'tell me a story',
              say: 'Once upon a time there was a small robot who loved to answer phones. Every morning it woke up early. It checked every line twice. Then it waited for the first call of the day, humming a little tune. Callers loved it.',
            },
          ],
        },
      },
      {
        id: 'billing',
        name: 'Billing',
        instructions: 'You handle invoices for {{customer_name}}.',
        script: {
          rules: [{ when: 'balance', say: 'Your balance is 42 dollars and 50 cents.' }],
          fallback: 'Billing here. What about your invoice?',
        },
      },
      { id: 'support', name: 'Support', instructions: 'You fix problems.', greeting: 'Support here, what is broken?' },
    ],
    edges: [
      { id: 'to-billing', from: 'reception', to: 'billing', description: 'Invoices, payments and refunds', ...edge },
      {
        id: 'to-support',
        from: 'reception',
        to: 'support',
        description: 'Technical problems and outages',
        transferLine: 'Let me get support for you.',
      },
    ],
    ...overrides,
  };
  return compile(spec);
}
