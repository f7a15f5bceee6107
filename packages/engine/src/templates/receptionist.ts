import type { FlowTemplate } from './types';

/** Reception answers and routes to billing (which can look up invoices) or support; works offline. */
export const receptionistTemplate: FlowTemplate = {
  id: 'receptionist',
  name: 'Receptionist with billing and support handoffs',
  description: 'A receptionist greets the caller and hands off to billing or support; billing can look up an invoice.',
  spec: {
    schemaVersion: 2,
    name: 'Receptionist',
    description: 'Routes callers to billing or support.',
    entryAgentId: 'reception',
    agents: [
      {
        id: 'reception',
        name: 'Reception',
        instructions:
          'You are the receptionist. Find out whether the caller needs help with a bill or a technical problem, then transfer them.',
        greeting: 'Hello, thanks for calling. Do you need help with billing or support?',
        stt: {
          provider: 'pocketsphinx',
          phrases: [
            'I have a question about my bill',
            'my invoice is wrong',
            'something is broken',
            'I need support',
            'goodbye',
          ],
        },
        tools: [{ type: 'end_call' }],
        script: {
          rules: [
            {
              when: 'bill|invoice|payment',
              say: 'Let me get billing for you.',
              call: { tool: 'transfer_to_billing', args: {} },
            },
            {
              when: 'broken|not working|problem|support',
              say: 'Let me get support for you.',
              call: { tool: 'transfer_to_support', args: {} },
            },
            { when: 'bye|that is all', say: 'Goodbye!', call: { tool: 'end_call', args: {} } },
          ],
          fallback: 'Sorry, is this about billing or support?',
        },
        position: { x: 0, y: 120 },
      },
      {
        id: 'billing',
        name: 'Billing',
        instructions: 'You help with invoices and payments. Ask for the invoice number and look it up.',
        greeting: 'Billing here. What is your invoice number?',
        stt: { provider: 'pocketsphinx', phrases: ['invoice one two three', 'thank you', 'goodbye'] },
        tools: [
          {
            type: 'webhook',
            name: 'lookup_invoice',
            description: 'Look up an invoice by its number.',
            url: 'https://example.com/api/invoices/lookup',
            method: 'POST',
            // Answers offline until the URL points at a real billing system (then remove this).
            mockResponse: {
              invoice_number: '123',
              status: 'paid',
              amount: '42.00 USD',
              message: 'Invoice 123 for 42 dollars is paid in full. Anything else?',
            },
            parameters: {
              type: 'object',
              properties: { invoice_number: { type: 'string', description: 'The invoice number the caller gives' } },
              required: ['invoice_number'],
            },
          },
          { type: 'end_call' },
        ],
        script: {
          rules: [
            {
              when: 'invoice|number',
              say: 'Let me look that up.',
              call: { tool: 'lookup_invoice', args: { invoice_number: '123' } },
            },
            { when: 'bye|thank', say: 'Goodbye!', call: { tool: 'end_call', args: {} } },
          ],
          fallback: 'Could you tell me your invoice number?',
        },
        position: { x: 360, y: 0 },
      },
      {
        id: 'support',
        name: 'Support',
        instructions: 'You help callers whose service is not working. Ask what is wrong and suggest a fix.',
        greeting: 'Support here. What seems to be the problem?',
        stt: { provider: 'pocketsphinx', phrases: ['my internet is not working', 'thank you', 'goodbye'] },
        tools: [{ type: 'end_call' }],
        script: {
          rules: [
            { when: 'internet|not working', say: 'Please restart your router and try again.' },
            { when: 'bye|thank', say: 'Goodbye!', call: { tool: 'end_call', args: {} } },
          ],
          fallback: 'Can you describe the problem?',
        },
        position: { x: 360, y: 240 },
      },
    ],
    edges: [
      {
        id: 'reception-billing',
        from: 'reception',
        to: 'billing',
        description: 'The caller asks about a bill, an invoice or a payment.',
        contextPolicy: 'full',
        transferLine: 'Transferring you to billing.',
      },
      {
        id: 'reception-support',
        from: 'reception',
        to: 'support',
        description: 'The caller reports that something is broken or not working.',
        contextPolicy: 'lastN',
        lastN: 4,
        transferLine: 'Transferring you to support.',
      },
    ],
    scenarios: [
      {
        id: 'billing-question',
        name: 'A bill question reaches billing, and goodbye ends the call',
        turns: [
          {
            user: 'I have a question about my bill',
            expect: [
              { kind: 'says', intent: 'offers to connect the caller with billing', pattern: 'billing' },
              { kind: 'tool_call', name: 'transfer_to_billing' },
              { kind: 'handoff', to: 'billing' },
            ],
          },
          { user: 'goodbye', expect: [{ kind: 'ends' }] },
        ],
      },
      {
        id: 'support-problem',
        name: 'A broken service reaches support, which suggests a fix',
        turns: [
          {
            user: 'something is broken',
            expect: [{ kind: 'handoff', to: 'support' }],
          },
          {
            user: 'my internet is not working',
            expect: [{ kind: 'says', intent: 'suggests restarting the router', pattern: 'restart your router' }],
          },
        ],
      },
      {
        id: 'unclear-request',
        name: 'An unclear request gets asked billing or support',
        turns: [
          {
            user: 'hello there',
            expect: [
              {
                kind: 'says',
                intent: 'asks whether the call is about billing or support',
                pattern: 'billing or support',
              },
            ],
          },
        ],
      },
      {
        id: 'voice-billing',
        name: 'Spoken: a caller who pauses to think reaches billing and an invoice lookup',
        mode: 'voice',
        turns: [
          {
            user: 'I have a question [pause 300ms] about my bill',
            expect: [{ kind: 'handoff', to: 'billing' }],
          },
          {
            user: 'invoice one two three',
            expect: [{ kind: 'tool_call', name: 'lookup_invoice', arguments: { invoice_number: '123' } }],
          },
          { user: 'goodbye', expect: [{ kind: 'ends' }] },
        ],
      },
      {
        id: 'voice-barge-in',
        name: 'Spoken: a caller who talks over the greeting is heard and routed',
        mode: 'voice',
        turns: [
          { user: '[barge-in 800ms] something is broken', expect: [{ kind: 'handoff', to: 'support' }] },
          {
            user: 'my internet is not working',
            expect: [{ kind: 'says', pattern: 'restart your router' }],
          },
        ],
      },
      {
        id: 'voice-noisy-line',
        name: 'Spoken: line hiss alone takes no turn, a question over it does',
        mode: 'voice',
        turns: [
          { user: '[noise -50dBFS 2000ms]', expect: [] },
          { user: '[noise -45dBFS] I need support', expect: [{ kind: 'handoff', to: 'support' }] },
        ],
      },
    ],
    simulations: [
      {
        id: 'billing-caller',
        name: 'A caller with an invoice question gets it looked up',
        persona: 'A busy customer who answers in short sentences.',
        goal: 'Find out whether invoice 123 has been paid, then end the call.',
        facts: ['The invoice number is one two three (123).'],
        criteria: ['The agent routes the caller to billing', 'The caller learns whether the invoice is paid'],
        checks: [
          { kind: 'handoff', to: 'billing' },
          { kind: 'tool_call', name: 'lookup_invoice', arguments: { invoice_number: '123' } },
          { kind: 'ends' },
        ],
        maxTurns: 6,
        k: 3,
        script: {
          rules: [
            { when: 'billing or support', say: 'I have a question about my bill' },
            { when: 'invoice number', say: 'invoice one two three' },
            { when: 'paid|anything else', say: 'goodbye' },
          ],
        },
      },
    ],
  },
};
