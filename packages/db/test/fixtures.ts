import { type FlowSpec, flowSpecSchema } from '@parley/engine/flow';

/** A small valid FlowSpec named `name`. */
export function validSpec(name = 'Test', instructions = 'Greet the caller.'): FlowSpec {
  return flowSpecSchema.parse({
    schemaVersion: 1,
    name,
    entryAgentId: 'a',
    agents: [{ id: 'a', name: 'Reception', instructions }],
  });
}

/** A FlowSpec with the right shape whose entry agent does not exist, so validate() reports an error. */
export function invalidSpec(name = 'Broken'): FlowSpec {
  return { ...validSpec(name), entryAgentId: 'nobody' };
}
