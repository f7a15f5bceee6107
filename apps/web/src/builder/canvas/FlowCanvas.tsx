'use client';

import type { FlowSpec } from '@parley/engine/flow';
import {
  Background,
  type Connection,
  Controls,
  type EdgeChange,
  MiniMap,
  type NodeChange,
  Panel,
  ReactFlow,
  useReactFlow,
} from '@xyflow/react';
import { type DragEvent, useCallback, useMemo, useState } from 'react';
import type { CallHighlight } from '../../highlight/call-highlight';
import type { Selection } from '../state/selection';
import { selectAgents, selectEdge } from '../state/selection';
import { addAgent, canConnect, connect, moveAgents, removeElements, type XY } from '../state/spec-edits';
import { useLatest } from '../state/use-latest';
import type { IssueIndex } from '../validation/issue-index';
import { AgentNodeView } from './AgentNodeView';
import { highlightEdges, highlightNodes } from './call-highlight';
import { createEdgeDeriver, createNodeDeriver } from './derive-elements';
import { AGENT_DRAG_TYPE, NEW_AGENT_OFFSET, paletteKind } from './drag-data';
import { HandoffEdgeView } from './HandoffEdgeView';
import type { AgentNode, HandoffFlowEdge } from './types';
import { useFollowActiveAgent } from './use-follow-active-agent';

// Props React Flow receives are module constants or stable callbacks: a prop that changes identity
// re-renders its whole graph view (all 300 node and 600 edge wrappers) on every drag frame.
const nodeTypes = { agent: AgentNodeView };
const edgeTypes = { handoff: HandoffEdgeView };
const deleteKeys = ['Delete', 'Backspace'];
const multiSelectKeys = ['Shift', 'Meta', 'Control'];
const fitViewOptions = { padding: 0.2, maxZoom: 1.2 };
const proOptions = { hideAttribution: true };
const minimapColor = (node: AgentNode) => (node.data.errors > 0 ? '#e03131' : '#748ffc');

/** What the canvas reads and, unless read-only, how it changes the flow. */
export interface FlowCanvasProps {
  spec: FlowSpec;
  issues: IssueIndex;
  selection: Selection;
  setSelection: (update: Selection | ((current: Selection) => Selection)) => void;
  /** Absent for a read-only canvas (an old version). */
  edit?: (update: (spec: FlowSpec) => FlowSpec, coalesceKey?: string) => void;
  seal?: () => void;
  /** Called when an agent or handoff is clicked, so its inspector can be shown. */
  onInspect?: () => void;
  /** Told when a drag of agents starts (true) and ends (false), so costly work can wait for the drop. */
  onDragging?: (dragging: boolean) => void;
  /** A test call's active agent and handoff path, drawn over the flow. */
  highlight?: CallHighlight | null;
}

/** The flow drawn with React Flow: nodes and edges are derived from the FlowSpec on every change. */
export function FlowCanvas({
  spec,
  issues,
  selection,
  setSelection,
  edit,
  seal,
  onInspect,
  onDragging,
  highlight = null,
}: FlowCanvasProps) {
  const { screenToFlowPosition, fitView } = useReactFlow();
  useFollowActiveAgent(highlight?.activeAgentId);
  const [sizes, setSizes] = useState<Map<string, { width: number; height: number }>>(() => new Map());
  const [deriveNodes] = useState(createNodeDeriver);
  const [deriveEdges] = useState(createEdgeDeriver);
  const nodes = useMemo(
    () => highlightNodes(deriveNodes(spec, selection, issues, sizes), highlight),
    [deriveNodes, spec, selection, issues, sizes, highlight],
  );
  const edges = useMemo(
    () => highlightEdges(deriveEdges(spec, selection, issues), highlight),
    [deriveEdges, spec, selection, issues, highlight],
  );
  const readOnly = !edit;
  // Handlers read the latest spec through a ref so they keep one identity while the spec changes.
  const specRef = useLatest(spec);

  const onNodesChange = useCallback(
    (changes: NodeChange<AgentNode>[]) => {
      const moves = new Map<string, XY>();
      let dragging = false;
      let moveEnded = false;
      const measured: [string, { width: number; height: number }][] = [];
      const selected: [string, boolean][] = [];
      for (const change of changes) {
        if (change.type === 'position') {
          if (change.position) moves.set(change.id, change.position);
          if (change.dragging) dragging = true;
          else moveEnded = true;
        } else if (change.type === 'dimensions' && change.dimensions) {
          measured.push([change.id, change.dimensions]);
        } else if (change.type === 'select') {
          selected.push([change.id, change.selected]);
        }
      }
      if (edit && moves.size > 0) edit((s) => moveAgents(s, moves), `move:${[...moves.keys()].join(',')}`);
      if (dragging) onDragging?.(true);
      if (moveEnded) {
        seal?.();
        onDragging?.(false);
      }
      if (measured.length > 0) {
        setSizes((current) => {
          const next = new Map(current);
          for (const [id, size] of measured) next.set(id, size);
          return next;
        });
      }
      if (selected.length > 0) {
        setSelection((current) => {
          const agents = new Set(current.agents);
          for (const [id, on] of selected) on ? agents.add(id) : agents.delete(id);
          return { ...current, agents };
        });
      }
    },
    [edit, seal, setSelection, onDragging],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<HandoffFlowEdge>[]) => {
      const selected = changes.filter((c) => c.type === 'select');
      if (selected.length === 0) return;
      setSelection((current) => {
        const edgeIds = new Set(current.edges);
        for (const c of selected) c.selected ? edgeIds.add(c.id) : edgeIds.delete(c.id);
        return { ...current, edges: edgeIds };
      });
    },
    [setSelection],
  );

  const onDelete = useCallback(
    ({ nodes: gone, edges: cut }: { nodes: AgentNode[]; edges: HandoffFlowEdge[] }) => {
      edit?.((s) =>
        removeElements(
          s,
          gone.map((n) => n.id),
          cut.map((e) => e.id),
        ),
      );
      setSelection({ agents: new Set(), edges: new Set() });
    },
    [edit, setSelection],
  );

  const onConnect = useCallback(
    (connection: Connection) => {
      const result = connect(specRef.current, connection.source, connection.target);
      if (!edit || !result.id) return;
      edit(() => result.spec);
      setSelection(selectEdge(result.id));
    },
    [edit, setSelection],
  );

  const isValidConnection = useCallback(
    (c: Connection | HandoffFlowEdge) => canConnect(specRef.current, c.source, c.target),
    [],
  );

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(AGENT_DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      if (!edit || !event.dataTransfer.types.includes(AGENT_DRAG_TYPE)) return;
      event.preventDefault();
      const point = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const kind = paletteKind(event.dataTransfer.getData(AGENT_DRAG_TYPE));
      const position = { x: point.x - NEW_AGENT_OFFSET.x, y: point.y - NEW_AGENT_OFFSET.y };
      const result = addAgent(specRef.current, position, kind);
      edit(() => result.spec);
      setSelection(selectAgents([result.id]));
    },
    [edit, screenToFlowPosition, setSelection],
  );

  const layout = useCallback(async () => {
    if (!edit) return;
    // dagre loads on first use: showing the canvas does not need it.
    const { autoLayout } = await import('./auto-layout');
    edit((s) => moveAgents(s, autoLayout(s, sizes)));
    seal?.();
    // Fit once React Flow has the new positions.
    requestAnimationFrame(() => void fitView({ padding: 0.2 }));
  }, [edit, seal, sizes, fitView]);

  return (
    <ReactFlow<AgentNode, HandoffFlowEdge>
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      onDelete={readOnly ? undefined : onDelete}
      onConnect={readOnly ? undefined : onConnect}
      onNodeClick={onInspect}
      onEdgeClick={onInspect}
      isValidConnection={isValidConnection}
      onDragOver={readOnly ? undefined : onDragOver}
      onDrop={readOnly ? undefined : onDrop}
      nodesDraggable={!readOnly}
      nodesConnectable={!readOnly}
      deleteKeyCode={readOnly ? null : deleteKeys}
      multiSelectionKeyCode={multiSelectKeys}
      fitView
      fitViewOptions={fitViewOptions}
      minZoom={0.05}
      proOptions={proOptions}
      aria-label={readOnly ? 'Flow (read only)' : 'Flow canvas'}
    >
      <Background gap={20} />
      <MiniMap<AgentNode> pannable zoomable ariaLabel="Minimap" nodeColor={minimapColor} />
      <Controls aria-label="Zoom controls" />
      {!readOnly && (
        <Panel position="top-right">
          <button type="button" className="canvas-button" onClick={layout}>
            Auto layout
          </button>
        </Panel>
      )}
    </ReactFlow>
  );
}
