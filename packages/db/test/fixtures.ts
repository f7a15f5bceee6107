import { type FlowSpec, flowSpecSchema } from '@parley/engine/flow';
import { workspaces } from '../src/workspaces';

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

let shared: Promise<string> | undefined;

/** One workspace per test file for flows that need an owner. */
export function testWorkspace(): Promise<string> {
  shared ??= workspaces.create('Tests').then((w) => w.id);
  return shared;
}
