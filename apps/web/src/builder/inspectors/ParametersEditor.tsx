'use client';

import { useRowKeys } from '../../lists/use-row-keys';
import { fieldId } from './field-id';
import { type ParameterRow, parameterTypes, rowsToSchema, schemaToRows } from './parameter-rows';

/** Props of the parameter table of one webhook tool. */
export interface ParametersEditorProps {
  schema: Record<string, unknown>;
  /** Spec path of the schema, e.g. `agents.0.tools.1.parameters`. */
  path: string;
  onChange: (schema: Record<string, unknown>) => void;
  onBlur?: () => void;
}

/** Name / type / description / required rows, stored as the tool's JSON Schema. */
export function ParametersEditor({ schema, path, onChange, onBlur }: ParametersEditorProps) {
  const rows = schemaToRows(schema);
  const rowKeys = useRowKeys(rows.length);
  const update = (index: number, patch: Partial<ParameterRow>) => {
    // Two arguments cannot share a name (they are object keys), so such a rename is refused.
    if (patch.name !== undefined && rows.some((r, i) => i !== index && r.name === patch.name)) return;
    onChange(rowsToSchema(rows.map((row, i) => (i === index ? { ...row, ...patch } : row))));
  };
  const add = () => {
    let n = rows.length + 1;
    while (rows.some((r) => r.name === `param_${n}`)) n++;
    onChange(rowsToSchema([...rows, { name: `param_${n}`, type: 'string', description: '', required: false }]));
  };
  const remove = (index: number) => {
    rowKeys.removed(index);
    onChange(rowsToSchema(rows.filter((_, i) => i !== index)));
  };

  return (
    <fieldset className="parameters" data-path={path} tabIndex={-1}>
      <legend>Parameters</legend>
      {rows.length === 0 && <p className="hint">No parameters: the tool is called without arguments.</p>}
      {rows.map((row, i) => {
        const id = fieldId(`${path}.${i}`);
        return (
          <div key={rowKeys.keys[i]} className="parameter-row">
            <label htmlFor={`${id}-name`}>Name</label>
            <input
              id={`${id}-name`}
              value={row.name}
              onChange={(e) => update(i, { name: e.target.value })}
              onBlur={onBlur}
            />
            <label htmlFor={`${id}-type`}>Type</label>
            <select
              id={`${id}-type`}
              value={row.type}
              onChange={(e) => update(i, { type: e.target.value as ParameterRow['type'] })}
            >
              {parameterTypes.map((t) => (
                <option key={t}>{t}</option>
              ))}
            </select>
            <label htmlFor={`${id}-description`}>Description</label>
            <input
              id={`${id}-description`}
              value={row.description}
              onChange={(e) => update(i, { description: e.target.value })}
              onBlur={onBlur}
            />
            <label className="checkbox">
              <input
                type="checkbox"
                checked={row.required}
                onChange={(e) => update(i, { required: e.target.checked })}
              />
              Required
            </label>
            <button
              type="button"
              className="link-button"
              onClick={() => remove(i)}
              aria-label={`Remove parameter ${row.name}`}
            >
              Remove
            </button>
          </div>
        );
      })}
      <button type="button" onClick={add}>
        Add parameter
      </button>
    </fieldset>
  );
}
