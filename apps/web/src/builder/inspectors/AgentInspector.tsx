'use client';

import { type AgentSpec, type FlowSpec, resolveTurnHandling } from '@parley/engine/flow';
import { useState } from 'react';
import { edgeLabel } from '../canvas/edge-label';
import { TurnHandlingFields } from '../settings/TurnHandlingFields';
import { setPath } from '../state/paths';
import { type Selection, selectEdge } from '../state/selection';
import { connect, removeElements, updateAgent } from '../state/spec-edits';
import { AgentFlowFields } from './AgentFlowFields';
import { fieldId } from './field-id';
import { TextAreaField, TextField } from './fields';
import { ProviderFields } from './ProviderFields';
import { ToolsEditor } from './ToolsEditor';
import { VariableTextArea } from './VariableTextArea';

/** Props of the agent inspector. */
export interface AgentInspectorProps {
  spec: FlowSpec;
  agent: AgentSpec;
  edit: (update: (spec: FlowSpec) => FlowSpec, coalesceKey?: string) => void;
  seal: () => void;
  setSelection: (selection: Selection) => void;
}

/** Everything about one agent: identity, prompts, provider and turn-handling overrides, tools, handoffs. */
export function AgentInspector({ spec, agent, edit, seal, setSelection }: AgentInspectorProps) {
  const index = spec.agents.indexOf(agent);
  const at = `agents.${index}`;
  const change = (field: string, update: (a: AgentSpec) => AgentSpec) =>
    edit((s) => updateAgent(s, agent.id, update), `agent:${agent.id}:${field}`);
  const session = spec.settings.providers;
  const isEntry = spec.entryAgentId === agent.id;
  const variables = spec.variables.map((v) => v.name);

  return (
    <section className="inspector" data-path={at} tabIndex={-1} aria-label={`Agent ${agent.name}`}>
      <h2>Agent</h2>
      <TextField
        label="Name"
        path={`${at}.name`}
        value={agent.name}
        onChange={(name) => change('name', (a) => ({ ...a, name }))}
        onBlur={seal}
      />
      <p className="field-help">Id: {agent.id}</p>
      <div className="entry-row">
        {isEntry ? (
          <span className="entry-badge">Entry agent: answers the call</span>
        ) : (
          <button type="button" onClick={() => edit((s) => ({ ...s, entryAgentId: agent.id }))}>
            Make entry agent
          </button>
        )}
      </div>
      {(agent.kind ?? 'agent') === 'agent' && (
        <>
          <VariableTextArea
            label="Instructions"
            path={`${at}.instructions`}
            value={agent.instructions}
            variables={variables}
            rows={7}
            onChange={(instructions) => change('instructions', (a) => ({ ...a, instructions }))}
            onBlur={seal}
          />
          <TextAreaField
            label="Greeting"
            path={`${at}.greeting`}
            rows={2}
            help="Said when this agent takes the call; empty for none."
            value={agent.greeting ?? ''}
            onChange={(greeting) =>
              change('greeting', (a) => setPath(a, 'greeting', greeting === '' ? undefined : greeting))
            }
            onBlur={seal}
          />
        </>
      )}
      <AgentFlowFields spec={spec} agent={agent} at={at} change={change} seal={seal} />

      <details className="section">
        <summary>Providers</summary>
        {(['llm', 'stt', 'tts'] as const).map((kind) => (
          <ProviderFields
            key={kind}
            kind={kind}
            path={`${at}.${kind}`}
            value={agent[kind]}
            inheritLabel={`Session (${session[kind]?.provider ?? 'default'})`}
            onChange={(value) => change(kind, (a) => setPath(a, kind, value))}
            onBlur={seal}
          />
        ))}
      </details>

      <details className="section">
        <summary>Turn handling overrides</summary>
        <TurnHandlingFields
          overrides={agent.turnHandling}
          inherited={resolveTurnHandling(spec.settings.turnHandling)}
          scope="agent"
          pathPrefix={`${at}.turnHandling`}
          onChange={(path, value) => change(`turnHandling.${path}`, (a) => setPath(a, `turnHandling.${path}`, value))}
          onBlur={seal}
        />
      </details>

      <details className="section" open>
        <summary>Tools ({agent.tools.length})</summary>
        <ToolsEditor
          tools={agent.tools}
          path={`${at}.tools`}
          agents={spec.agents.filter((a) => a.id !== agent.id)}
          onChange={(tools) => change('tools', (a) => ({ ...a, tools }))}
          onBlur={seal}
        />
      </details>

      <Handoffs spec={spec} agent={agent} edit={edit} setSelection={setSelection} />

      <button
        type="button"
        className="danger"
        onClick={() => {
          edit((s) => removeElements(s, [agent.id], []));
          setSelection({ agents: new Set(), edges: new Set() });
        }}
      >
        Delete agent
      </button>
    </section>
  );
}

/** Outgoing handoffs, and a keyboard way to add one (the canvas needs a pointer to drag a connection). */
function Handoffs({ spec, agent, edit, setSelection }: Omit<AgentInspectorProps, 'seal'>) {
  const targets = spec.agents.filter(
    (a) => a.id !== agent.id && !spec.edges.some((e) => e.from === agent.id && e.to === a.id),
  );
  const [target, setTarget] = useState('');
  const chosen = targets.some((t) => t.id === target) ? target : (targets[0]?.id ?? '');
  const outgoing = spec.edges.filter((e) => e.from === agent.id);
  const agents = new Map(spec.agents.map((a) => [a.id, a]));
  const selectId = fieldId(`agents.${agent.id}.handoff-target`);
  return (
    <section className="section" aria-label="Handoffs">
      <h3>Handoffs</h3>
      <ul className="plain-list">
        {outgoing.map((edge) => (
          <li key={edge.id}>
            <button type="button" className="link-button" onClick={() => setSelection(selectEdge(edge.id))}>
              → {agents.get(edge.to)?.name ?? edge.to} ({edgeLabel(edge, agent, agents.get(edge.to))})
            </button>
          </li>
        ))}
      </ul>
      {targets.length > 0 && (
        <div className="inline-form">
          <label htmlFor={selectId}>Hand off to</label>
          <select id={selectId} value={chosen} onChange={(e) => setTarget(e.target.value)}>
            {targets.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
          <button
            type="button"
            onClick={() => {
              const result = connect(spec, agent.id, chosen);
              if (!result.id) return;
              edit(() => result.spec);
              setSelection(selectEdge(result.id));
            }}
          >
            Add handoff
          </button>
        </div>
      )}
    </section>
  );
}
