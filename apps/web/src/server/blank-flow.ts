import { type FlowSpec, flowSpecSchema } from '@parley/engine/flow';

/** A new flow's starting point: one agent that greets the caller, every setting at its default. */
export function blankFlowSpec(name: string): FlowSpec {
  return flowSpecSchema.parse({
    schemaVersion: 1,
    name,
    entryAgentId: 'assistant',
    agents: [
      {
        id: 'assistant',
        name: 'Assistant',
        instructions: 'You are a friendly voice assistant. Keep answers short: they are spoken aloud.',
        greeting: 'Hello! How can I help you today?',
        position: { x: 0, y: 0 },
      },
    ],
  });
}
