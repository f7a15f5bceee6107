import type { FlowSpecInput } from '../src/flow';

/**
 * A large valid flow: `agents` agents in a chain (so all are reachable) plus extra edges, each agent
 * with a webhook. With `conditions`, every edge is condition-driven (an expression over variables
 * and the tool result, type-checked by validate()); a `salt` makes every condition's text new.
 */
export function generateFlow(
  agents: number,
  edges: number,
  options: { conditions?: boolean; salt?: string } = {},
): FlowSpecInput {
  const ids = Array.from({ length: agents }, (_, i) => `agent_${i}`);
  const spec: FlowSpecInput = {
    schemaVersion: 2,
    name: `Generated ${agents}x${edges}`,
    entryAgentId: 'agent_0',
    variables: [{ name: 'caller_name' }, { name: 'account_id' }, { name: 'attempts', type: 'number' }],
    agents: ids.map((id, i) => ({
      id,
      name: `Agent ${i}`,
      instructions: `You are agent ${i}. Greet {{caller_name}} and check account {{account_id}}.`,
      tools: [
        {
          type: 'webhook',
          name: 'lookup',
          url: `https://example.com/agents/${i}`,
          parameters: { type: 'object', properties: { q: { type: 'string' } } },
        },
      ],
      turnHandling: i % 10 === 0 ? { endpointing: { mode: 'dynamic', minDelay: 300 } } : undefined,
      position: { x: (i % 20) * 250, y: Math.floor(i / 20) * 150 },
    })),
    edges: [],
  };
  let n = 0;
  // Every edge from `from` goes to a distinct target, so generated handoff tool names never clash.
  for (let step = 1; n < edges && step < agents; step++) {
    for (let from = 0; from < agents && n < edges; from++) {
      const to = (from + step) % agents;
      const condition = options.conditions
        ? {
            condition: `attempts >= ${n % 7} && (account_id != "" || result.status == "open-${to}${options.salt ?? ''}")`,
          }
        : {};
      spec.edges?.push({
        id: `e${n}`,
        from: ids[from] as string,
        to: ids[to] as string,
        description: `Go to ${to}`,
        ...condition,
      });
      n++;
    }
  }
  return spec;
}
