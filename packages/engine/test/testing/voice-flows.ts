import { type FlowSpec, type FlowSpecInput, flowSpecSchema, type Scenario } from '../../src/flow';

/**
 * A claims line heard offline (Silero VAD, PocketSphinx with these phrases, espeak, scripted LLM),
 * with the given turn handling and one voice scenario.
 */
export function claimsFlow(turnHandling: Record<string, unknown>, scenario: Scenario): FlowSpec {
  const spec: FlowSpecInput = {
    schemaVersion: 1,
    name: 'Claims line',
    entryAgentId: 'claims',
    agents: [
      {
        id: 'claims',
        name: 'Claims',
        greeting: 'Claims desk.',
        stt: {
          provider: 'pocketsphinx',
          phrases: [
            'I was thinking',
            'about my claim',
            'I was thinking about my claim',
            'tell me a story',
            'hold on I need something else please',
          ],
        },
        tools: [{ type: 'end_call' }],
        script: {
          rules: [
            { when: 'claim', say: 'Sure, what is your claim number?' },
            { when: 'thinking', say: 'Take your time. What can I do for you?' },
            {
              when: 'story',
              say: 'Once upon a time there was a small robot who loved to answer phones. Every morning it woke up early. It checked every line twice. Then it waited for the first call of the day. Callers loved it.',
            },
            { when: 'something else', say: 'Of course, what else do you need?' },
          ],
          fallback: 'Sorry?',
        },
      },
    ],
    scenarios: [scenario],
    settings: { turnHandling, providers: {}, language: 'en' },
  };
  return flowSpecSchema.parse(spec);
}
