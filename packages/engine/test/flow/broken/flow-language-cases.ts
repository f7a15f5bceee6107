import type { FlowSpecInput, IssueCode } from '../../../src/flow';
import { receptionFlow } from '../fixtures';

/** One broken v2 construct and exactly the issues (code at path) it must yield. */
export interface FlowLanguageCase {
  name: string;
  expect: [IssueCode, string][];
  spec: FlowSpecInput;
}

function broken(change: (spec: FlowSpecInput) => void): FlowSpecInput {
  const spec = structuredClone(receptionFlow());
  spec.schemaVersion = 2;
  change(spec);
  return spec;
}

const agent = (spec: FlowSpecInput, id: string) => {
  const found = spec.agents.find((a) => a.id === id);
  if (!found) throw new Error(`fixture has no agent ${id}`);
  return found;
};

/** Adds a condition edge reception -> support (edges.2). */
const conditionEdge = (condition: string) =>
  broken((s) => {
    s.edges?.push({ id: 'c1', from: 'reception', to: 'support', condition });
  });

export const flowLanguageCases: FlowLanguageCase[] = [
  {
    name: 'condition that does not parse',
    expect: [['condition_syntax_invalid', 'edges.2.condition']],
    spec: conditionEdge('caller_name =='),
  },
  {
    name: 'condition calling a function',
    expect: [['condition_syntax_invalid', 'edges.2.condition']],
    spec: conditionEdge('process.exit(1)'),
  },
  {
    name: 'condition naming an undeclared variable',
    expect: [['condition_variable_unknown', 'edges.2.condition']],
    spec: conditionEdge('age >= 18'),
  },
  {
    name: 'condition comparing a string variable with a number',
    expect: [['condition_type_mismatch', 'edges.2.condition']],
    spec: conditionEdge('caller_name == 3'),
  },
  {
    name: 'condition that is a string, not true/false',
    expect: [['condition_type_mismatch', 'edges.2.condition']],
    spec: conditionEdge('caller_name'),
  },
  {
    name: 'condition reading a field of a plain variable',
    expect: [['condition_type_mismatch', 'edges.2.condition']],
    spec: conditionEdge('caller_name.first == "Ann"'),
  },
  {
    name: 'say node with no line that leads nowhere',
    expect: [
      ['node_line_missing', 'agents.3.onEnter.say'],
      ['say_next_missing', 'agents.3'],
    ],
    spec: broken((s) => {
      s.agents.push({ id: 'notice', kind: 'say', name: 'Notice' });
      s.edges?.push({ id: 'c1', from: 'reception', to: 'notice', condition: 'true' });
    }),
  },
  {
    name: 'end node with a handoff out of it',
    expect: [['end_has_edges', 'edges.3.from']],
    spec: broken((s) => {
      s.agents.push({ id: 'bye', kind: 'end', name: 'Goodbye', onEnter: { say: 'Goodbye!' } });
      s.edges?.push({ id: 'e3', from: 'reception', to: 'bye' }, { id: 'e4', from: 'bye', to: 'support' });
    }),
  },
  {
    name: 'on-enter tool the agent does not have, and a line with an undeclared variable',
    expect: [
      ['on_enter_tool_unknown', 'agents.2.onEnter.tool.name'],
      ['variable_undefined', 'agents.2.onEnter.say'],
    ],
    spec: broken((s) => {
      agent(s, 'support').onEnter = { say: 'Hi {{account}}', tool: { name: 'lookup_invoice' } };
    }),
  },
  {
    name: 'digits collected into an undeclared variable, with impossible limits',
    expect: [
      ['setting_out_of_range', 'agents.2.onEnter.collectDigits.maxDigits'],
      ['setting_out_of_range', 'agents.2.onEnter.collectDigits.timeoutMs'],
      ['variable_undefined', 'agents.2.onEnter.collectDigits.variable'],
    ],
    spec: broken((s) => {
      agent(s, 'support').onEnter = { collectDigits: { variable: 'pin', maxDigits: 0, timeoutMs: 10 } };
    }),
  },
  {
    name: 'tool-result branch with a bad path and a missing target',
    expect: [
      ['branch_path_invalid', 'agents.1.tools.0.branches.path'],
      ['branch_target_unknown', 'agents.1.tools.0.branches.cases.0.to'],
    ],
    spec: broken((s) => {
      const tool = agent(s, 'billing').tools?.[0];
      if (tool?.type !== 'webhook') throw new Error('fixture changed');
      tool.branches = { path: 'status', cases: [{ value: 'paid', to: 'ghost' }], default: 'support' };
    }),
  },
  {
    name: 'global agent whose generated tool clashes with a tool of another agent',
    expect: [['tool_duplicate_name', 'agents.2.global.toolName']],
    spec: broken((s) => {
      agent(s, 'support').global = { when: 'The caller asks for a human.', toolName: 'lookup_invoice' };
    }),
  },
  {
    name: 'script rules with a bad regex and a tool the agent lacks',
    expect: [
      ['script_rule_invalid', 'agents.0.script.rules.0.when'],
      ['script_rule_tool_unknown', 'agents.0.script.rules.1.call.tool'],
    ],
    spec: broken((s) => {
      agent(s, 'reception').script = {
        rules: [{ when: '(unclosed' }, { when: 'invoice', call: { tool: 'lookup_invoice' } }],
      };
    }),
  },
  {
    name: 'user turn limit of zero words',
    expect: [['setting_out_of_range', 'settings.userTurnLimit.maxWords']],
    spec: broken((s) => {
      s.settings = { userTurnLimit: { maxWords: 0 } };
    }),
  },
];
