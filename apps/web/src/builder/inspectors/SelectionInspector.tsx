'use client';

import type { FlowSpec } from '@parley/engine/flow';
import { type ReactNode, useEffect, useRef } from 'react';
import { emptySelection, type Selection } from '../state/selection';
import { removeElements } from '../state/spec-edits';
import { AgentInspector } from './AgentInspector';
import { EdgeInspector } from './EdgeInspector';

/** Props of the selection inspector. */
export interface SelectionInspectorProps {
  spec: FlowSpec;
  selection: Selection;
  edit: (update: (spec: FlowSpec) => FlowSpec, coalesceKey?: string) => void;
  seal: () => void;
  setSelection: (selection: Selection) => void;
}

/** The inspector for what is selected: one agent, one handoff, several things, or nothing. */
export function SelectionInspector(props: SelectionInspectorProps) {
  const { spec, selection } = props;
  const agents = spec.agents.filter((a) => selection.agents.has(a.id));
  const edges = spec.edges.filter((e) => selection.edges.has(e.id));
  const shown = [...agents.map((a) => a.id), '|', ...edges.map((e) => e.id)].join(' ');
  const box = useRef<HTMLDivElement>(null);
  const previous = useRef(shown);
  // A button that replaces the inspector (add a handoff, follow a link, delete) takes the focus
  // with it; the new inspector takes it over so keyboard users stay in the panel.
  useEffect(() => {
    if (shown === previous.current) return;
    previous.current = shown;
    if (document.activeElement === document.body) box.current?.querySelector<HTMLElement>('.inspector')?.focus();
  }, [shown]);
  return <div ref={box}>{inspectorFor(props, agents, edges)}</div>;
}

function inspectorFor(props: SelectionInspectorProps, agents: FlowSpec['agents'], edges: FlowSpec['edges']): ReactNode {
  const { selection, edit, setSelection } = props;
  const [agent] = agents;
  const [edge] = edges;
  if (agents.length === 1 && edges.length === 0 && agent)
    return <AgentInspector key={agent.id} {...props} agent={agent} />;
  if (edges.length === 1 && agents.length === 0 && edge) return <EdgeInspector key={edge.id} {...props} edge={edge} />;
  if (agents.length + edges.length > 1) {
    return (
      <div className="inspector" tabIndex={-1}>
        <h2>{agents.length + edges.length} items selected</h2>
        <p className="hint">
          {agents.length} agents, {edges.length} handoffs. Ctrl/Cmd+C copies the agents; Delete removes everything
          selected.
        </p>
        <button
          type="button"
          className="danger"
          onClick={() => {
            edit((s) => removeElements(s, selection.agents, selection.edges));
            setSelection(emptySelection);
          }}
        >
          Delete selected
        </button>
      </div>
    );
  }
  return (
    <div className="inspector" tabIndex={-1}>
      <h2>Nothing selected</h2>
      <p className="hint">
        Select an agent or a handoff on the canvas (click, or Tab to it and press Enter) or choose an agent above to
        edit it. Shift-click or shift-drag selects several. Session settings and variables have their own tabs.
      </p>
    </div>
  );
}
