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

/** A sentence of about 80 characters (~5 s of eSpeak speech); `n` of them make a long monologue. */
export function monologue(n: number): string {
  return Array.from(
    { length: n },
    (_, i) => `This is sentence number ${i + 1} of a long talk that goes on and on.`,
  ).join(' ');
}

/**
 * A published one-agent flow, typed only, whose agent greets with a long monologue (about two
 * minutes of speech): a call to it receives agent audio steadily while a test does something else.
 */
export async function publishTalker(): Promise<VersionRecord> {
  const spec = flowSpecSchema.parse({
    schemaVersion: 1,
    name: 'Talker',
    entryAgentId: 'talker',
    agents: [{ id: 'talker', name: 'Talker', greeting: monologue(24), stt: { provider: 'none' } }],
    edges: [],
  });
  const flow = await flows.create(spec, (await workspaces.create('Runtime tests')).id);
  return versions.publish(flow.id, 'runtime test');
}
