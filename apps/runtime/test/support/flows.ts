import { signCallToken } from '@parley/calls';
import { type CallRecord, calls, flows, type VersionRecord, versions, workspaces } from '@parley/db';
import { flowSpecSchema } from '@parley/engine/flow';
import { templates } from '@parley/engine/templates';

/** The secret test runtimes sign and verify call tokens with. */
export const TEST_SECRET = 'runtime-test-secret-0123456789abcdef';

/** The receptionist template (reception -> billing | support) published as a new flow's live version. */
export async function publishReceptionist(options: { typedOnly?: boolean } = {}): Promise<VersionRecord> {
  const template = templates.find((t) => t.id === 'receptionist');
  if (!template) throw new Error('the receptionist template is missing from @parley/engine/templates');
  const spec = flowSpecSchema.parse(template.spec);
  // Typed-only: no speech-to-text, for tests about the connection rather than the conversation.
  if (options.typedOnly) for (const agent of spec.agents) agent.stt = { provider: 'none' };
  const flow = await flows.create(spec, (await workspaces.create('Runtime tests')).id);
  return versions.publish(flow.id, 'runtime test');
}

/** A pending local-mode call on `version`, with a token for it. */
export async function localCall(version: VersionRecord): Promise<{ call: CallRecord; token: string }> {
  const call = await calls.create({ flowVersionId: version.id, mode: 'local' });
  return { call, token: signCallToken(TEST_SECRET, { callId: call.id, flowVersionId: version.id }) };
}
