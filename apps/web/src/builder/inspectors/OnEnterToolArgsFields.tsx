'use client';

import { NumberField, SelectField, TextField } from './fields';
import { schemaToRows } from './parameter-rows';

/** Props of the on-enter tool's argument fields. */
export interface OnEnterToolArgsFieldsProps {
  /** The webhook's parameters (JSON Schema): one field per property. */
  parameters: Record<string, unknown>;
  args: Record<string, unknown>;
  /** Spec path of `onEnter.tool.args`. */
  path: string;
  onChange: (args: Record<string, unknown>) => void;
  onBlur: () => void;
}

/** The arguments the on-enter call passes: one field per tool parameter, typed as the parameter is. */
export function OnEnterToolArgsFields({ parameters, args, path, onChange, onBlur }: OnEnterToolArgsFieldsProps) {
  const rows = schemaToRows(parameters);
  if (rows.length === 0) return <p className="hint">The tool takes no arguments.</p>;
  // An empty field drops the argument rather than sending an empty value.
  const set = (name: string, value: unknown) => {
    const { [name]: _, ...rest } = args;
    onChange(value === undefined ? rest : { ...rest, [name]: value });
  };
  return (
    <fieldset className="settings-group">
      <legend>Arguments</legend>
      {rows.map((row) => {
        const label = `Argument ${row.name}`;
        const help = `${row.description ? `${row.description} ` : ''}${row.type}${row.required ? ', required' : ''}.`;
        const value = args[row.name];
        if (row.type === 'boolean') {
          return (
            <SelectField
              key={row.name}
              label={label}
              path={`${path}.${row.name}`}
              help={help}
              value={value === undefined ? '' : String(value)}
              options={[
                { value: '', label: 'Not sent' },
                { value: 'true', label: 'true' },
                { value: 'false', label: 'false' },
              ]}
              onChange={(v) => set(row.name, v === '' ? undefined : v === 'true')}
            />
          );
        }
        if (row.type === 'number' || row.type === 'integer') {
          return (
            <NumberField
              key={row.name}
              label={label}
              path={`${path}.${row.name}`}
              help={help}
              value={typeof value === 'number' ? value : undefined}
              step={row.type === 'integer' ? 1 : undefined}
              onChange={(v) => set(row.name, v)}
              onBlur={onBlur}
            />
          );
        }
        return (
          <TextField
            key={row.name}
            label={label}
            path={`${path}.${row.name}`}
            help={help}
            value={typeof value === 'string' ? value : ''}
            onChange={(v) => set(row.name, v === '' ? undefined : v)}
            onBlur={onBlur}
          />
        );
      })}
    </fieldset>
  );
}
