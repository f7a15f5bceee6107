'use client';

import {
  contextPolicies,
  type FlowSpec,
  type HandoffEdge,
  handoffLastNSetting,
  handoffToolName,
  numberRange,
} from '@parley/engine/flow';
import { numberFieldHelp } from '../settings/settings-metadata';
import { setPath } from '../state/paths';
import { type Selection, selectAgents } from '../state/selection';
import { removeElements, updateEdge } from '../state/spec-edits';
import { EdgeConditionFields } from './EdgeConditionFields';
import { NumberField, SelectField, TextAreaField, TextField } from './fields';

/** Props of the handoff inspector. */
export interface EdgeInspectorProps {
  spec: FlowSpec;
  edge: HandoffEdge;
  edit: (update: (spec: FlowSpec) => FlowSpec, coalesceKey?: string) => void;
  seal: () => void;
  setSelection: (selection: Selection) => void;
}

const policyLabels: Record<(typeof contextPolicies)[number], string> = {
  full: 'Full conversation',
  lastN: 'Last N turns',
  summary: 'Summary',
  none: 'Nothing (fresh start)',
};

const lastN = handoffLastNSetting;
const lastNRange = numberRange(lastN);

/** One handoff: its tool name, when to transfer, what context travels, and what is said. */
export function EdgeInspector({ spec, edge, edit, seal, setSelection }: EdgeInspectorProps) {
  const at = `edges.${spec.edges.indexOf(edge)}`;
  const from = spec.agents.find((a) => a.id === edge.from);
  const to = spec.agents.find((a) => a.id === edge.to);
  const change = (field: string, update: (e: HandoffEdge) => HandoffEdge) =>
    edit((s) => updateEdge(s, edge.id, update), `edge:${edge.id}:${field}`);
  const generated = handoffToolName({ ...edge, toolName: undefined }, to);
  return (
    <section className="inspector" data-path={at} tabIndex={-1} aria-label="Handoff">
      <h2>Handoff</h2>
      <p>
        <button type="button" className="link-button" onClick={() => setSelection(selectAgents([edge.from]))}>
          {from?.name ?? edge.from}
        </button>{' '}
        →{' '}
        <button type="button" className="link-button" onClick={() => setSelection(selectAgents([edge.to]))}>
          {to?.name ?? edge.to}
        </button>
      </p>
      <EdgeConditionFields spec={spec} edge={edge} at={at} change={change} edit={edit} seal={seal} />
      {/* Tool name and description are what the LLM sees; a condition edge is no tool. */}
      {edge.condition === undefined && from?.kind !== 'say' && (
        <>
          <TextField
            label="Handoff tool name"
            path={`${at}.toolName`}
            value={edge.toolName ?? ''}
            placeholder={generated}
            help={`Leave empty to use the generated name ${generated}.`}
            onChange={(name) => change('toolName', (e) => setPath(e, 'toolName', name === '' ? undefined : name))}
            onBlur={seal}
          />
          <TextAreaField
            label="When to transfer"
            path={`${at}.description`}
            rows={3}
            help="The LLM reads this to decide when to call the handoff tool."
            value={edge.description}
            onChange={(description) => change('description', (e) => ({ ...e, description }))}
            onBlur={seal}
          />
        </>
      )}
      <SelectField
        label="Context passed on"
        path={`${at}.contextPolicy`}
        value={edge.contextPolicy}
        options={contextPolicies.map((p) => ({ value: p, label: policyLabels[p] }))}
        help="How much of the conversation the next agent sees. Default: full."
        onChange={(policy) =>
          change('contextPolicy', (e) => ({ ...e, contextPolicy: policy as HandoffEdge['contextPolicy'] }))
        }
      />
      {edge.contextPolicy === 'lastN' && (
        <NumberField
          label={lastN.label}
          path={`${at}.lastN`}
          value={edge.lastN}
          min={lastNRange.min}
          max={lastNRange.max}
          step={lastNRange.step}
          help={numberFieldHelp(lastN)}
          onChange={(n) => change('lastN', (e) => ({ ...e, lastN: n ?? Number(lastN.default) }))}
          onBlur={seal}
        />
      )}
      <TextAreaField
        label="Transfer line"
        path={`${at}.transferLine`}
        rows={2}
        help="Said to the caller while transferring; empty for none."
        value={edge.transferLine ?? ''}
        onChange={(line) => change('transferLine', (e) => setPath(e, 'transferLine', line === '' ? undefined : line))}
        onBlur={seal}
      />
      <button
        type="button"
        className="danger"
        onClick={() => {
          edit((s) => removeElements(s, [], [edge.id]));
          setSelection({ agents: new Set(), edges: new Set() });
        }}
      >
        Delete handoff
      </button>
    </section>
  );
}
