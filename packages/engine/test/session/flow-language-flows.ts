import { compile, type FlowSpecInput, type SessionPlan } from '../../src/flow';

type Agent = FlowSpecInput['agents'][number];

/** An LLM agent whose scripted rules answer `rules` (regex -> line), nothing else. */
export const scriptedAgent = (id: string, name: string, extra: Partial<Agent> = {}): Agent => ({
  id,
  name,
  instructions: `You are ${name}.`,
  greeting: `${name} here.`,
  script: { rules: [], fallback: `${name} can help with that.` },
  ...extra,
});

/** Reception -> Billing / Support, and a global "Human" every one of them can reach without an edge. */
export function globalHumanFlow(): SessionPlan {
  return compile({
    schemaVersion: 2,
    name: 'Global human',
    entryAgentId: 'reception',
    agents: [
      scriptedAgent('reception', 'Reception'),
      scriptedAgent('billing', 'Billing'),
      scriptedAgent('support', 'Support'),
      scriptedAgent('human', 'Human', { global: { when: 'The caller asks for a real person.' } }),
      scriptedAgent('payments', 'Payments', { globalHandoffs: false }),
    ],
    edges: [
      { id: 'to-billing', from: 'reception', to: 'billing', description: 'Invoices' },
      { id: 'to-support', from: 'reception', to: 'support', description: 'Outages' },
      { id: 'to-payments', from: 'reception', to: 'payments', description: 'Payments' },
    ],
  });
}

/** Orders: a webhook result (canned) routes by condition, or by a result branch, with no LLM round. */
export function orderFlow(status: string): SessionPlan {
  return compile({
    schemaVersion: 2,
    name: 'Orders',
    entryAgentId: 'orders',
    variables: [{ name: 'vip', type: 'boolean' }],
    agents: [
      scriptedAgent('orders', 'Orders', {
        tools: [
          {
            type: 'webhook',
            name: 'lookup_order',
            url: 'https://orders.example.com/lookup',
            mockResponse: { status, eta: { days: 2 } },
          },
          {
            type: 'webhook',
            name: 'check_refund',
            url: 'https://orders.example.com/refund',
            mockResponse: { refund: 'denied' },
            branches: { path: '$.refund', cases: [{ value: 'approved', to: 'shipping' }], default: 'goodbye' },
          },
        ],
        script: {
          rules: [
            { when: 'order', say: 'Let me look that up.', call: { tool: 'lookup_order', args: {} } },
            { when: 'refund', call: { tool: 'check_refund', args: {} } },
            { when: 'gold member', call: { tool: 'set_variable', args: { name: 'vip', value: true } } },
          ],
          fallback: 'Orders can help with that.',
        },
      }),
      scriptedAgent('shipping', 'Shipping'),
      scriptedAgent('concierge', 'Concierge'),
      { id: 'goodbye', name: 'Goodbye', kind: 'end', onEnter: { say: 'No refund is possible. Goodbye.' } },
    ],
    edges: [
      { id: 'shipped', from: 'orders', to: 'shipping', condition: 'result.status == "shipped"' },
      { id: 'vip', from: 'orders', to: 'concierge', condition: 'vip' },
    ],
  });
}

/** A say node first (a disclaimer), then Reception, which can end the call through an end node. */
export function disclaimerFlow(): SessionPlan {
  return compile({
    schemaVersion: 2,
    name: 'Disclaimer',
    entryAgentId: 'notice',
    agents: [
      { id: 'notice', name: 'Notice', kind: 'say', onEnter: { say: 'This call may be recorded.' } },
      scriptedAgent('reception', 'Reception'),
      { id: 'bye', name: 'Bye', kind: 'end', onEnter: { say: 'Thanks for calling. Goodbye.' } },
    ],
    edges: [
      { id: 'next', from: 'notice', to: 'reception' },
      { id: 'finish', from: 'reception', to: 'bye', description: 'The caller is done and says goodbye.' },
    ],
  });
}

/** Asks for a PIN by keypad; the PIN routes to Accounts by condition, anything else to Help. */
export function pinFlow(): SessionPlan {
  return compile({
    schemaVersion: 2,
    name: 'PIN',
    entryAgentId: 'pin',
    variables: [{ name: 'pin', type: 'string' }],
    agents: [
      {
        id: 'pin',
        name: 'PIN',
        kind: 'say',
        onEnter: {
          say: 'Please enter your PIN, then press hash.',
          collectDigits: { variable: 'pin', maxDigits: 6, terminator: '#', timeoutMs: 3000 },
        },
      },
      scriptedAgent('accounts', 'Accounts'),
      scriptedAgent('help', 'Help'),
    ],
    edges: [
      { id: 'right-pin', from: 'pin', to: 'accounts', condition: 'pin == "1234"' },
      { id: 'other', from: 'pin', to: 'help' },
    ],
  });
}

/** One agent; the caller's turns are limited, and its speech is cleaned up before TTS. */
export function limitedFlow(settings: NonNullable<FlowSpecInput['settings']>): SessionPlan {
  return compile({
    schemaVersion: 2,
    name: 'Limits',
    entryAgentId: 'desk',
    agents: [
      scriptedAgent('desk', 'Desk', {
        greeting: undefined,
        script: {
          rules: [{ when: 'format', say: '**Hello** from _Parley_ 🎉! Ask about SQL in the [docs](https://x.y).' }],
        },
      }),
    ],
    settings,
  });
}
