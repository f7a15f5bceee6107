import type { FlowSpecInput } from '@parley/engine/flow';

/** A valid two-agent flow: a receptionist that hands off to billing. */
export function twoAgentSpec(name: string, description = ''): FlowSpecInput {
  return {
    schemaVersion: 1,
    name,
    description,
    entryAgentId: 'reception',
    agents: [
      {
        id: 'reception',
        name: 'Reception',
        instructions: 'Greet the caller and find out what they need.',
        greeting: 'Thanks for calling. How can I help?',
        position: { x: 0, y: 0 },
      },
      {
        id: 'billing',
        name: 'Billing',
        instructions: 'Answer questions about invoices.',
        position: { x: 320, y: 0 },
      },
    ],
    edges: [{ id: 'to-billing', from: 'reception', to: 'billing', description: 'The caller asks about a bill.' }],
  };
}

/** Structurally a FlowSpec, but its entry agent does not exist: saveable, not publishable. */
export function specWithUnknownEntry(name: string): FlowSpecInput {
  return { ...twoAgentSpec(name), entryAgentId: 'nobody' };
}
