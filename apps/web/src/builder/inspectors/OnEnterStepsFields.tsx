'use client';

import type { AgentSpec, CollectDigits, FlowSpec } from '@parley/engine/flow';
import { setPath } from '../state/paths';
import { NumberField, SelectField } from './fields';
import { OnEnterToolArgsFields } from './OnEnterToolArgsFields';

/** Props of the on-enter tool and keypad fields of one node. */
export interface OnEnterStepsFieldsProps {
  spec: FlowSpec;
  agent: AgentSpec;
  at: string;
  change: (field: string, update: (a: AgentSpec) => AgentSpec) => void;
  seal: () => void;
}

const NONE = '';

/** On entering: call one of the node's webhooks, and collect key presses (DTMF) into a variable. */
export function OnEnterStepsFields({ spec, agent, at, change, seal }: OnEnterStepsFieldsProps) {
  const webhooks = agent.tools.filter((t) => t.type === 'webhook');
  const digits = agent.onEnter?.collectDigits;
  const tool = agent.onEnter?.tool;
  const webhook = webhooks.find((t) => t.name === tool?.name);
  const setDigits = (update: (d: CollectDigits) => CollectDigits | undefined) =>
    change('onEnter.collectDigits', (a) => {
      const current = a.onEnter?.collectDigits ?? {
        variable: spec.variables[0]?.name ?? '',
        maxDigits: 4,
        timeoutMs: 5000,
      };
      return setPath(a, 'onEnter.collectDigits', update(current));
    });
  return (
    <details className="section" open={Boolean(agent.onEnter?.tool || digits)}>
      <summary>On entering: tool and keypad</summary>
      {webhooks.length > 0 && (
        <SelectField
          label="Call on entering"
          path={`${at}.onEnter.tool.name`}
          value={agent.onEnter?.tool?.name ?? NONE}
          options={[{ value: NONE, label: 'No tool' }, ...webhooks.map((t) => ({ value: t.name, label: t.name }))]}
          help="Runs before the LLM speaks; its result can route by condition or by its branches."
          onChange={(name) =>
            change('onEnter.tool', (a) => setPath(a, 'onEnter.tool', name === NONE ? undefined : { name, args: {} }))
          }
        />
      )}
      {tool && webhook?.type === 'webhook' && (
        <OnEnterToolArgsFields
          parameters={webhook.parameters}
          args={tool.args}
          path={`${at}.onEnter.tool.args`}
          onChange={(args) => change('onEnter.tool.args', (a) => setPath(a, 'onEnter.tool.args', args))}
          onBlur={seal}
        />
      )}
      <SelectField
        label="Collect key presses into"
        path={`${at}.onEnter.collectDigits.variable`}
        value={digits?.variable ?? NONE}
        options={[
          { value: NONE, label: 'Do not collect' },
          ...spec.variables.map((v) => ({ value: v.name, label: `${v.name} (${v.type})` })),
        ]}
        help={
          spec.variables.length === 0
            ? 'Declare a variable (Variables tab) to collect phone keypad digits into it.'
            : 'Phone keypad digits (DTMF), after the line above; conditions can then route on the variable.'
        }
        onChange={(variable) => setDigits((d) => (variable === NONE ? undefined : { ...d, variable }))}
      />
      {digits && (
        <>
          <NumberField
            label="Max digits"
            path={`${at}.onEnter.collectDigits.maxDigits`}
            value={digits.maxDigits}
            min={1}
            max={32}
            step={1}
            onChange={(n) => setDigits((d) => ({ ...d, maxDigits: n ?? 4 }))}
            onBlur={seal}
          />
          <SelectField
            label="Ends with key"
            path={`${at}.onEnter.collectDigits.terminator`}
            value={digits.terminator ?? NONE}
            options={[
              { value: NONE, label: 'No end key' },
              { value: '#', label: '#' },
              { value: '*', label: '*' },
            ]}
            onChange={(key) =>
              setDigits((d) => setPath(d, 'terminator', key === NONE ? undefined : (key as '#' | '*')))
            }
          />
          <NumberField
            label="Key timeout"
            path={`${at}.onEnter.collectDigits.timeoutMs`}
            value={digits.timeoutMs}
            min={500}
            max={60000}
            step={500}
            help="Milliseconds after the line (or the last key) before collecting stops."
            onChange={(n) => setDigits((d) => ({ ...d, timeoutMs: n ?? 5000 }))}
            onBlur={seal}
          />
        </>
      )}
    </details>
  );
}
