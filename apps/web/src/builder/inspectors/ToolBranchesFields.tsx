'use client';

import { type AgentSpec, parseJsonPath, type ToolBranches } from '@parley/engine/flow';
import { useRowKeys } from '../../lists/use-row-keys';
import { fieldId } from './field-id';
import { SelectField, TextField } from './fields';

/** Props of a webhook's result branches. */
export interface ToolBranchesFieldsProps {
  branches: ToolBranches | undefined;
  /** Spec path of the tool, `agents.N.tools.M`. */
  path: string;
  agents: readonly Pick<AgentSpec, 'id' | 'name'>[];
  onChange: (branches: ToolBranches | undefined) => void;
  onBlur?: () => void;
}

const NONE = '';

/**
 * Routes the webhook's JSON result with no LLM round: the value at a JSON path picks the agent
 * (one row per value), a default takes the rest. The path is checked as it is typed.
 */
export function ToolBranchesFields({ branches, path, agents, onChange, onBlur }: ToolBranchesFieldsProps) {
  const at = `${path}.branches`;
  const rowKeys = useRowKeys(branches?.cases.length ?? 0);
  const targets = [
    { value: NONE, label: 'Nobody (the LLM goes on)' },
    ...agents.map((a) => ({ value: a.id, label: a.name })),
  ];
  if (!branches) {
    return (
      <button type="button" onClick={() => onChange({ path: '$.status', cases: [] })}>
        Route the result
      </button>
    );
  }
  const parsed = parseJsonPath(branches.path);
  const setCase = (index: number, next: { value: string; to: string } | null) =>
    onChange({
      ...branches,
      cases: next
        ? branches.cases.map((c, i) => (i === index ? next : c))
        : branches.cases.filter((_, i) => i !== index),
    });
  return (
    <section className="section" aria-label="Result branches">
      <TextField
        label="Route by result path"
        path={`${at}.path`}
        value={branches.path}
        help="A JSON path into the result, e.g. $.status or $.order.state."
        onChange={(p) => onChange({ ...branches, path: p })}
        onBlur={onBlur}
      />
      {!parsed.ok && (
        <p id={`${fieldId(`${at}.path`)}-problem`} className="field-problems" role="alert">
          The path {parsed.problem}.
        </p>
      )}
      {branches.cases.map((c, i) => (
        <div className="inline-form" key={rowKeys.keys[i]}>
          <TextField
            label={`When the value is (${i + 1})`}
            path={`${at}.cases.${i}.value`}
            value={String(c.value)}
            onChange={(value) => setCase(i, { value, to: c.to })}
            onBlur={onBlur}
          />
          <SelectField
            label="Go to"
            path={`${at}.cases.${i}.to`}
            value={c.to}
            options={targets.slice(1)}
            onChange={(to) => setCase(i, { value: String(c.value), to })}
          />
          <button
            type="button"
            className="link-button"
            onClick={() => {
              rowKeys.removed(i);
              setCase(i, null);
            }}
          >
            Remove
          </button>
        </div>
      ))}
      <button
        type="button"
        disabled={agents.length === 0}
        onClick={() => onChange({ ...branches, cases: [...branches.cases, { value: '', to: agents[0]?.id ?? '' }] })}
      >
        Add value
      </button>
      <SelectField
        label="Any other value"
        path={`${at}.default`}
        value={branches.default ?? NONE}
        options={targets}
        onChange={(to) => {
          const { default: _old, ...rest } = branches;
          onChange(to === NONE ? rest : { ...rest, default: to });
        }}
      />
      <button type="button" className="danger-link" onClick={() => onChange(undefined)}>
        Stop routing the result
      </button>
    </section>
  );
}
