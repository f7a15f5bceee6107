import type { FlowSpecInput } from '../../src/flow';

/** A valid three-agent flow (reception -> billing / support) used across flow tests. */
export function receptionFlow(): FlowSpecInput {
  return {
    schemaVersion: 1,
    name: 'Receptionist',
    entryAgentId: 'reception',
    variables: [{ name: 'caller_name', type: 'string', description: "The caller's first name" }],
    agents: [
      {
        id: 'reception',
        name: 'Reception',
        instructions: 'Greet {{caller_name}} and find out whether they need billing or support.',
        greeting: 'Hello, thanks for calling. How can I help?',
        tools: [{ type: 'end_call' }],
        position: { x: 0, y: 0 },
      },
      {
        id: 'billing',
        name: 'Billing',
        instructions: 'Help with invoices.',
        tools: [
          {
            type: 'webhook',
            name: 'lookup_invoice',
            description: 'Find an invoice by number',
            url: 'https://example.com/invoices',
            parameters: { type: 'object', properties: { number: { type: 'string' } }, required: ['number'] },
          },
        ],
        turnHandling: { endpointing: { mode: 'dynamic' } },
        position: { x: 300, y: -100 },
      },
      { id: 'support', name: 'Support', instructions: 'Fix problems.', position: { x: 300, y: 100 } },
    ],
    edges: [
      { id: 'e1', from: 'reception', to: 'billing', description: 'The caller asks about a bill or payment.' },
      {
        id: 'e2',
        from: 'reception',
        to: 'support',
        toolName: 'get_support',
        description: 'The caller has a technical problem.',
        contextPolicy: 'lastN',
        lastN: 4,
        transferLine: 'Let me put you through to support.',
      },
    ],
  };
}
