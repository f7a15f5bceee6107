'use client';

import { checkCondition, type FlowSpec, type HandoffEdge, isAutomaticEdge } from '@parley/engine/flow';
import { setPath } from '../state/paths';
import { fieldId } from './field-id';
import { SelectField, TextField } from './fields';

/** Props of the "taken when" part of the handoff inspector. */
export interface EdgeConditionFieldsProps {
  spec: FlowSpec;
  edge: HandoffEdge;
  /** Spec path of the edge, `edges.N`. */
  at: string;
  change: (field: string, update: (e: HandoffEdge) => HandoffEdge) => void;
  edit: (update: (spec: FlowSpec) => FlowSpec) => void;
  seal: () => void;
}

/**
 * Whether the LLM chooses this handoff or a condition does; the condition is checked as it is
 * typed (the same checker validate() uses) and its problems are shown right under it.
 */
export function EdgeConditionFields({ spec, edge, at, change, edit, seal }: EdgeConditionFieldsProps) {
  const from = spec.agents.find((a) => a.id === edge.from);
  const conditional = edge.condition !== undefined;
  const problems = conditional ? checkCondition(edge.condition ?? '', spec.variables) : [];
  const siblings = spec.edges.filter((e) => e.from === edge.from && isAutomaticEdge(e, from));
  const position = siblings.indexOf(edge);
  const names = spec.variables.map((v) => `${v.name} (${v.type})`).join(', ');
  const errorId = `${fieldId(`${at}.condition`)}-problems`;
  return (
    <>
      <SelectField
        label="Taken when"
        path={`${at}.kind`}
        value={conditional ? 'condition' : 'llm'}
        options={[
          { value: 'llm', label: from?.kind === 'say' ? 'Always (next step)' : 'The LLM decides' },
          { value: 'condition', label: 'A condition holds' },
        ]}
        help={
          conditional
            ? 'Checked on entering the agent and after every tool result and variable change; no LLM round.'
            : undefined
        }
        onChange={(kind) => change('condition', (e) => setPath(e, 'condition', kind === 'condition' ? '' : undefined))}
      />
      {conditional && (
        <>
          <TextField
            label="Condition"
            path={`${at}.condition`}
            value={edge.condition ?? ''}
            placeholder='e.g. pin == "1234" && result.status == "open"'
            help={`Variables: ${names || 'none declared'}; result = the last tool result (result.status).`}
            onChange={(condition) => change('condition', (e) => ({ ...e, condition }))}
            onBlur={seal}
          />
          {problems.length > 0 && (
            <ul id={errorId} className="field-problems" role="alert" data-testid="condition-problems">
              {problems.map((p) => (
                <li key={`${p.code}:${p.problem}`}>
                  The condition {p.problem}. <code>{p.code}</code>
                </li>
              ))}
            </ul>
          )}
          {siblings.length > 1 && (
            <div className="inline-form">
              <span className="field-help">
                Checked {position + 1} of {siblings.length} from this agent; the first true one wins.
              </span>
              <button
                type="button"
                disabled={position <= 0}
                onClick={() => edit((s) => moveBefore(s, edge.id, siblings[position - 1]?.id))}
              >
                Check earlier
              </button>
            </div>
          )}
        </>
      )}
    </>
  );
}

/** Moves edge `id` just before edge `before` in the spec (the order conditions are checked in). */
function moveBefore(spec: FlowSpec, id: string, before: string | undefined): FlowSpec {
  const edge = spec.edges.find((e) => e.id === id);
  if (!edge || !before) return spec;
  const rest = spec.edges.filter((e) => e.id !== id);
  const at = rest.findIndex((e) => e.id === before);
  return { ...spec, edges: [...rest.slice(0, at), edge, ...rest.slice(at)] };
}
