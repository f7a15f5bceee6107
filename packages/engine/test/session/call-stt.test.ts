import { describe, expect, it } from 'vitest';
import { compile } from '../../src/flow';
import { callSttAgent } from '../../src/session/call-stt';

describe('callSttAgent', () => {
  it("gives the call's recognizer every agent's phrases, once each, entry agent first", () => {
    const plan = compile({
      schemaVersion: 1,
      name: 'Phrases',
      entryAgentId: 'a',
      agents: [
        { id: 'a', name: 'A', stt: { provider: 'pocketsphinx', phrases: ['billing please', 'support please'] } },
        { id: 'b', name: 'B', stt: { provider: 'pocketsphinx', phrases: ['my internet is down', 'billing please'] } },
      ],
      edges: [{ id: 'e', from: 'a', to: 'b' }],
    });
    const entry = plan.agents.a;
    if (!entry) throw new Error('no entry agent');
    expect(callSttAgent(plan, entry).providers.stt.phrases).toEqual([
      'billing please',
      'support please',
      'my internet is down',
    ]);
    expect(entry.providers.stt.phrases).toEqual(['billing please', 'support please']);
  });
});
