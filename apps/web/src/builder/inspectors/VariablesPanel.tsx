'use client';

import { type FlowSpec, type VariableSpec, variableTypes } from '@parley/engine/flow';
import { useRowKeys } from '../../lists/use-row-keys';
import { uniqueId } from '../state/ids';
import { SelectField, TextField } from './fields';

/** Props of the variables panel. */
export interface VariablesPanelProps {
  spec: FlowSpec;
  edit: (update: (spec: FlowSpec) => FlowSpec, coalesceKey?: string) => void;
  seal: () => void;
}

function parseDefault(text: string, type: VariableSpec['type']): VariableSpec['defaultValue'] {
  if (text === '') return undefined;
  if (type === 'number') return Number.isFinite(Number(text)) ? Number(text) : undefined;
  if (type === 'boolean') return text === 'true';
  return text;
}

/** The flow's variables: what agents extract with set_variable and use as {{name}}. */
export function VariablesPanel({ spec, edit, seal }: VariablesPanelProps) {
  const variableKeys = useRowKeys(spec.variables.length);
  const change = (index: number, field: string, update: (v: VariableSpec) => VariableSpec) =>
    edit(
      (s) => ({ ...s, variables: s.variables.map((v, i) => (i === index ? update(v) : v)) }),
      `variable:${index}:${field}`,
    );
  return (
    <section className="inspector" aria-label="Variables">
      <h2>Variables</h2>
      <p className="hint">
        Agents store what the caller says with the set_variable tool; prompts use them as {'{{name}}'}.
      </p>
      {spec.variables.map((variable, i) => {
        const at = `variables.${i}`;
        return (
          <fieldset key={variableKeys.keys[i]} className="variable" data-path={at} tabIndex={-1}>
            <legend>{variable.name || 'New variable'}</legend>
            <TextField
              label="Name"
              path={`${at}.name`}
              value={variable.name}
              onChange={(name) => change(i, 'name', (v) => ({ ...v, name }))}
              onBlur={seal}
            />
            <SelectField
              label="Type"
              path={`${at}.type`}
              value={variable.type}
              options={variableTypes.map((t) => ({ value: t, label: t }))}
              onChange={(type) =>
                change(i, 'type', (v) => ({ ...v, type: type as VariableSpec['type'], defaultValue: undefined }))
              }
            />
            <TextField
              label="Description"
              path={`${at}.description`}
              value={variable.description}
              onChange={(description) => change(i, 'description', (v) => ({ ...v, description }))}
              onBlur={seal}
            />
            <TextField
              label="Default value"
              path={`${at}.defaultValue`}
              value={variable.defaultValue === undefined ? '' : String(variable.defaultValue)}
              placeholder="unknown"
              onChange={(text) =>
                change(i, 'defaultValue', (v) => {
                  const { defaultValue: _, ...rest } = v;
                  const value = parseDefault(text, v.type);
                  return value === undefined ? rest : { ...rest, defaultValue: value };
                })
              }
              onBlur={seal}
            />
            <button
              type="button"
              className="danger-link"
              onClick={() => {
                variableKeys.removed(i);
                edit((s) => ({ ...s, variables: s.variables.filter((_, j) => j !== i) }));
              }}
            >
              Remove variable {variable.name}
            </button>
          </fieldset>
        );
      })}
      <button
        type="button"
        onClick={() =>
          edit((s) => ({
            ...s,
            variables: [
              ...s.variables,
              {
                name: uniqueId(
                  'variable',
                  s.variables.map((v) => v.name),
                ),
                type: 'string',
                description: '',
              },
            ],
          }))
        }
      >
        Add variable
      </button>
    </section>
  );
}
