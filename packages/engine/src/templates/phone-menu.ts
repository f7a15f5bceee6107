import type { FlowTemplate } from './types';

/**
 * A phone line in the v2 flow language: a recorded-call notice (say node), a keypad menu (DTMF
 * into a variable, condition edges), an order lookup whose result routes without the LLM, a
 * global "human" agent and a global goodbye (end node). Works offline (scripted LLM, mock webhook).
 */
export const phoneMenuTemplate: FlowTemplate = {
  id: 'phone-menu',
  name: 'Phone menu with keypad, conditions and a global human',
  description:
    'Press 1 for orders or 2 for billing; an order lookup routes by its result; "a human" and "goodbye" work from anywhere.',
  spec: {
    schemaVersion: 2,
    name: 'Phone menu',
    description: 'Keypad menu, condition routing and global agents.',
    entryAgentId: 'notice',
    variables: [
      { name: 'choice', type: 'string', description: 'The key pressed at the menu' },
      { name: 'order_status', type: 'string', description: 'Status of the caller’s order' },
    ],
    settings: {
      speech: { filterMarkup: true, pronunciations: [{ word: 'Acme', say: 'Ack me' }] },
      userTurnLimit: { maxDurationMs: 20000, line: 'Sorry to cut in. In a few words, how can I help?' },
    },
    agents: [
      {
        id: 'notice',
        name: 'Recording notice',
        kind: 'say',
        onEnter: { say: 'Welcome to Acme. This call may be recorded.' },
        position: { x: 0, y: 0 },
      },
      {
        id: 'menu',
        name: 'Keypad menu',
        kind: 'say',
        onEnter: {
          say: 'Press 1 for orders or 2 for billing. Or stay on the line to talk to our assistant.',
          collectDigits: { variable: 'choice', maxDigits: 1, timeoutMs: 4000 },
        },
        position: { x: 260, y: 0 },
      },
      {
        id: 'assistant',
        name: 'Assistant',
        instructions: 'You help Acme callers with orders and billing. Keep answers short.',
        greeting: 'How can I help?',
        tools: [{ type: 'end_call' }],
        script: {
          rules: [{ when: 'order', call: { tool: 'transfer_to_orders', args: {} } }],
          fallback: 'I can help with orders, or get you a person.',
        },
        position: { x: 520, y: 160 },
      },
      {
        id: 'orders',
        name: 'Orders',
        instructions: 'Look up the caller’s order with lookup_order and tell them its status.',
        greeting: 'Orders here. Let me look up your latest order.',
        onEnter: { tool: { name: 'lookup_order', args: {} } },
        tools: [
          {
            type: 'webhook',
            name: 'lookup_order',
            description: 'Find the caller’s latest order',
            url: 'https://orders.example.com/latest',
            method: 'GET',
            mockResponse: { status: 'delayed', days: 3 },
            branches: { path: '$.status', cases: [{ value: 'lost', to: 'human' }] },
          },
        ],
        script: { rules: [], fallback: 'Your order is on its way.' },
        position: { x: 520, y: -160 },
      },
      {
        id: 'billing',
        name: 'Billing',
        instructions: 'Help with invoices and payments.',
        greeting: 'Billing here. What is your question?',
        script: { rules: [], fallback: 'Billing can help with that.' },
        position: { x: 780, y: 0 },
      },
      {
        id: 'apology',
        name: 'Delay apology',
        kind: 'say',
        onEnter: { say: 'Sorry, your order is running a few days late.' },
        position: { x: 780, y: -160 },
      },
      {
        id: 'human',
        name: 'Human',
        instructions: 'You are the team lead taking over the call.',
        greeting: 'Hi, this is the team lead. How can I help?',
        global: { when: 'The caller asks for a person, a human or an operator.' },
        globalHandoffs: false,
        position: { x: 260, y: 320 },
      },
      {
        id: 'goodbye',
        name: 'Goodbye',
        kind: 'end',
        onEnter: { say: 'Thanks for calling Acme. Goodbye.' },
        global: { when: 'The caller is done and says goodbye.' },
        position: { x: 520, y: 320 },
      },
    ],
    edges: [
      { id: 'notice-menu', from: 'notice', to: 'menu' },
      { id: 'press-1', from: 'menu', to: 'orders', condition: 'choice == "1"' },
      { id: 'press-2', from: 'menu', to: 'billing', condition: 'choice == "2"' },
      { id: 'no-key', from: 'menu', to: 'assistant' },
      { id: 'to-orders', from: 'assistant', to: 'orders', description: 'The caller asks about an order.' },
      { id: 'delayed', from: 'orders', to: 'apology', condition: 'result.status == "delayed"' },
      { id: 'apology-billing', from: 'apology', to: 'billing' },
    ],
  },
};
