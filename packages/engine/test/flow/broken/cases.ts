import type { FlowSpecInput, IssueCode } from '../../../src/flow';
import { receptionFlow } from '../fixtures';

/** One broken flow and exactly the issue codes it must yield (sorted, with repeats). */
export interface BrokenCase {
  name: string;
  expect: IssueCode[];
  spec: unknown;
}

/** Applies a change to a fresh copy of the valid reception flow. */
function broken(change: (spec: FlowSpecInput) => void): FlowSpecInput {
  const spec = structuredClone(receptionFlow());
  change(spec);
  return spec;
}

const agent = (spec: FlowSpecInput, id: string) => {
  const found = spec.agents.find((a) => a.id === id);
  if (!found) throw new Error(`fixture has no agent ${id}`);
  return found;
};

export const brokenCases: BrokenCase[] = [
  {
    name: 'entry agent empty',
    expect: ['entry_missing'],
    spec: broken((s) => {
      s.entryAgentId = '';
    }),
  },
  {
    name: 'entry agent does not exist',
    expect: ['entry_unknown'],
    spec: broken((s) => {
      s.entryAgentId = 'ghost';
    }),
  },
  {
    name: 'agent nobody hands off to',
    expect: ['agent_unreachable'],
    spec: broken((s) => {
      s.agents.push({ id: 'orphan', name: 'Orphan', instructions: '' });
    }),
  },
  {
    name: 'edge to a missing agent',
    expect: ['edge_to_unknown'],
    spec: broken((s) => {
      s.edges?.push({ id: 'e3', from: 'billing', to: 'ghost' });
    }),
  },
  {
    name: 'edge from a missing agent',
    expect: ['edge_from_unknown'],
    spec: broken((s) => {
      s.edges?.push({ id: 'e3', from: 'ghost', to: 'billing' });
    }),
  },
  {
    name: 'handoff to self',
    expect: ['edge_self_handoff'],
    spec: broken((s) => {
      s.edges?.push({ id: 'e3', from: 'support', to: 'support', toolName: 'again' });
    }),
  },
  {
    name: 'duplicate agent ids',
    expect: ['agent_duplicate_id'],
    spec: broken((s) => {
      s.agents.push({ id: 'support', name: 'Support 2', instructions: '' });
    }),
  },
  {
    name: 'two tools with one name on an agent',
    expect: ['tool_duplicate_name'],
    spec: broken((s) => {
      agent(s, 'reception').tools?.push({ type: 'end_call', name: 'end_call' });
    }),
  },
  {
    name: 'handoff tool name clashes with an agent tool',
    expect: ['tool_duplicate_name'],
    spec: broken((s) => {
      const edge = s.edges?.find((e) => e.id === 'e1');
      if (edge) edge.toolName = 'end_call';
    }),
  },
  {
    name: 'undefined variable in instructions and greeting',
    expect: ['variable_undefined', 'variable_undefined'],
    spec: broken((s) => {
      agent(s, 'billing').instructions = 'Ask for {{account_id}}.';
      agent(s, 'billing').greeting = 'Hi {{first_name}}';
    }),
  },
  {
    name: 'minDelay above maxDelay',
    expect: ['setting_min_exceeds_max'],
    spec: broken((s) => {
      s.settings = { turnHandling: { endpointing: { minDelay: 4000, maxDelay: 1000 } } };
    }),
  },
  {
    name: 'agent minDelay above the session maxDelay',
    expect: ['setting_min_exceeds_max'],
    spec: broken((s) => {
      agent(s, 'support').turnHandling = { endpointing: { minDelay: 3500 } };
    }),
  },
  {
    name: 'thresholds outside 0..1',
    expect: ['setting_out_of_range', 'setting_out_of_range'],
    spec: broken((s) => {
      s.settings = { turnHandling: { vad: { activationThreshold: 1.5 }, turnModel: { thresholds: { en: -0.1 } } } };
    }),
  },
  {
    name: 'negative durations',
    expect: ['setting_out_of_range', 'setting_out_of_range'],
    spec: broken((s) => {
      agent(s, 'support').turnHandling = { interruption: { minDuration: -5 }, userAwayTimeout: -1 };
    }),
  },
  {
    name: 'unknown provider ids',
    expect: ['provider_unknown', 'provider_unknown'],
    spec: broken((s) => {
      s.settings = { providers: { llm: { provider: 'gpt-magic' } } };
      agent(s, 'billing').tts = { provider: 'robovoice' };
    }),
  },
  {
    name: 'webhook URL not http(s)',
    expect: ['webhook_url_invalid'],
    spec: broken((s) => {
      const tool = agent(s, 'billing').tools?.[0];
      if (tool?.type === 'webhook') tool.url = 'ftp://example.com/x';
    }),
  },
  {
    name: 'webhook parameters not an object schema',
    expect: ['webhook_parameters_invalid'],
    spec: broken((s) => {
      const tool = agent(s, 'billing').tools?.[0];
      if (tool?.type === 'webhook') tool.parameters = { type: 'string' };
    }),
  },
  {
    name: 'tool name with spaces',
    expect: ['tool_name_invalid'],
    spec: broken((s) => {
      const tool = agent(s, 'billing').tools?.[0];
      if (tool) tool.name = 'look up invoice';
    }),
  },
  {
    name: 'duplicate variable names',
    expect: ['variable_duplicate'],
    spec: broken((s) => {
      s.variables?.push({ name: 'caller_name' });
    }),
  },
  {
    name: 'not a FlowSpec at all',
    // unknown key, plus the four required fields missing
    expect: ['schema_invalid', 'schema_invalid', 'schema_invalid', 'schema_invalid', 'schema_invalid'],
    spec: { hello: 'world' },
  },
  {
    name: 'wrong schema version',
    expect: ['schema_invalid'],
    spec: broken((s) => {
      (s as { schemaVersion: number }).schemaVersion = 3;
    }),
  },
  {
    name: 'scenario expectations that cannot be checked',
    expect: ['scenario_agent_unknown', 'scenario_expectation_empty', 'scenario_pattern_invalid'],
    spec: broken((s) => {
      s.scenarios = [
        {
          id: 'billing',
          name: 'Billing question',
          turns: [
            {
              user: 'I have a question about my bill',
              expect: [{ kind: 'handoff', to: 'accounts' }, { kind: 'says' }, { kind: 'says', pattern: '(unclosed' }],
            },
          ],
        },
      ];
    }),
  },
  {
    name: 'a base URL that is not http(s), and one on a provider that takes none',
    expect: ['provider_base_url_invalid', 'provider_base_url_invalid'],
    spec: broken((s) => {
      s.settings = { providers: { stt: { provider: 'openai', baseUrl: 'file:///etc/passwd' } } };
      agent(s, 'billing').tts = { provider: 'cartesia', baseUrl: 'http://speech.internal/v1' };
    }),
  },
  {
    name: 'a turn model given as a path instead of a name',
    expect: ['turn_model_name_invalid'],
    spec: broken((s) => {
      s.settings = { turnHandling: { turnModel: { kind: 'text', model: '/root/.ssh' } } };
    }),
  },
  {
    name: 'realtime_llm turn detection without a realtime provider',
    expect: ['realtime_provider_missing'],
    spec: broken((s) => {
      agent(s, 'support').turnHandling = { turnDetection: 'realtime_llm' };
    }),
  },
];
