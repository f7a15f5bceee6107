'use client';

import type { AgentKind, FlowSpec } from '@parley/engine/flow';
import { useReactFlow } from '@xyflow/react';
import { Megaphone, PhoneOff, Plus } from 'lucide-react';
import type { DragEvent } from 'react';
import { type Selection, selectAgents } from '../state/selection';
import { addAgent } from '../state/spec-edits';
import { AGENT_DRAG_TYPE, NEW_AGENT_OFFSET } from './drag-data';

/** Props of the palette: the flow and how to add to it. */
export interface PaletteProps {
  spec: FlowSpec;
  edit: (update: (spec: FlowSpec) => FlowSpec) => void;
  setSelection: (selection: Selection) => void;
}

/** New agents: drag the item onto the canvas, or press it (keyboard too) to add one in the middle of the view. */
export function Palette({ spec, edit, setSelection }: PaletteProps) {
  const { screenToFlowPosition } = useReactFlow();

  const onDragStart = (kind: AgentKind) => (event: DragEvent) => {
    event.dataTransfer.setData(AGENT_DRAG_TYPE, kind);
    event.dataTransfer.effectAllowed = 'copy';
  };

  const addAtCentre = (kind: AgentKind) => () => {
    const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
    const centre = pane ? { x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 } : { x: 0, y: 0 };
    const point = screenToFlowPosition(centre);
    const result = addAgent(spec, { x: point.x - NEW_AGENT_OFFSET.x, y: point.y - NEW_AGENT_OFFSET.y }, kind);
    edit(() => result.spec);
    setSelection(selectAgents([result.id]));
  };

  return (
    <aside className="palette" aria-label="Palette">
      <h2>Add</h2>
      <button
        type="button"
        className="palette-item"
        draggable
        onDragStart={onDragStart('agent')}
        onClick={addAtCentre('agent')}
      >
        <Plus aria-hidden="true" size={16} strokeWidth={2.5} /> Agent
      </button>
      <button
        type="button"
        className="palette-item"
        draggable
        title="Says a fixed line (no LLM), then follows its connection"
        onDragStart={onDragStart('say')}
        onClick={addAtCentre('say')}
      >
        <Megaphone aria-hidden="true" size={16} strokeWidth={2.5} /> Say
      </button>
      <button
        type="button"
        className="palette-item"
        draggable
        title="Says a last line and ends the call"
        onDragStart={onDragStart('end')}
        onClick={addAtCentre('end')}
      >
        <PhoneOff aria-hidden="true" size={16} strokeWidth={2.5} /> End
      </button>
      <p className="hint">
        Drag onto the canvas, or press to add in the middle. Connect agents by dragging from the right handle to another
        agent.
      </p>
    </aside>
  );
}
