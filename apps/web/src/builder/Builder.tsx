'use client';

import type { ValidationIssue } from '@parley/engine/flow';
import { useReactFlow } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import './builder.css';
import type { ScenarioResult } from '@parley/engine';
import dynamic from 'next/dynamic';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { FlowRecord, FlowWithIssues } from '@/src/api/types';
import type { CallHighlight } from '../highlight/call-highlight';
import { FlowCanvas } from './canvas/FlowCanvas';
import { Palette } from './canvas/Palette';
import { useCanvasShortcuts } from './canvas/use-canvas-shortcuts';
import { TurnSettingsNotice } from './handover/TurnSettingsNotice';
import { useTurnSettingsHandover } from './handover/use-turn-settings-handover';
import { InspectorFold } from './InspectorFold';
import { SidePanel, type SidePanelTab } from './SidePanel';
import { ConflictBanner } from './state/ConflictBanner';
import { SaveIndicator } from './state/SaveIndicator';
import { selectAgents, selectEdge } from './state/selection';
import { useAutosave } from './state/use-autosave';
import { useFlowEditor } from './state/use-flow-editor';
import { useHeldWhile } from './state/use-held-while';
import { focusField } from './validation/focus-field';
import { issueElement } from './validation/issue-index';
import { ProblemsList } from './validation/ProblemsList';
import { useValidation } from './validation/use-validation';
import { downloadSpec } from './versions/download-spec';

// Not on the first paint: its code loads when the tester is first opened.
const TesterPanel = dynamic(() => import('../tester/TesterPanel').then((m) => m.TesterPanel), { ssr: false });

/** Props of the builder. */
export interface BuilderProps {
  flow: FlowRecord;
  /** Loads the flow again from the server (after a conflict). */
  onReload: () => void;
  /** Shows a flow record the server returned (after a restore). */
  onReplaced: (flow: FlowWithIssues) => void;
}

/**
 * The builder: palette, canvas and problems, and the inspector tabs, all over one FlowSpec.
 * While agents are dragged only the canvas follows every frame; validation, autosave and the
 * panels get the spec as it was when the drag began, then the dropped one.
 */
export function Builder({ flow, onReload, onReplaced }: BuilderProps) {
  const editor = useFlowEditor(flow.draft);
  const { spec: live, edit, seal, selection, setSelection } = editor;
  const [dragging, setDragging] = useState(false);
  const spec = useHeldWhile(live, dragging);
  const issues = useValidation(spec);
  const autosave = useAutosave(flow.id, spec, flow.revision);
  const [tab, setTab] = useState<SidePanelTab>('inspect');
  const [focusPath, setFocusPath] = useState<{ path: string } | null>(null);
  const { fitView } = useReactFlow();
  const [testerOpen, setTesterOpen] = useState(false);
  const [testerMounted, setTesterMounted] = useState(false);
  const [highlight, setHighlight] = useState<CallHighlight | null>(null);
  const [inspectorPinned, setInspectorPinned] = useState(false);
  // During a call (or its replay) canvas and tester get the room: the inspector folds unless pinned.
  const inspectorFolded = testerOpen && highlight !== null && !inspectorPinned;
  const [scenarioResults, setScenarioResults] = useState<ScenarioResult[]>([]);
  const failedScenarios = useMemo(
    () => scenarioResults.filter((r) => r.status !== 'passed').map((r) => r.name),
    [scenarioResults],
  );
  useCanvasShortcuts(editor);

  // Focus the field a problem points at, once its panel has rendered.
  useEffect(() => {
    if (!focusPath) return;
    const frame = requestAnimationFrame(() => focusField(focusPath.path));
    return () => cancelAnimationFrame(frame);
  }, [focusPath]);

  const showAgent = useCallback(
    (id: string) => {
      setSelection(selectAgents([id]));
      setTab('inspect');
      void fitView({ nodes: [{ id }], duration: 200, maxZoom: 1.2 });
    },
    [setSelection, fitView],
  );

  const goToIssue = useCallback(
    (issue: ValidationIssue) => {
      const element = issueElement(spec, issue);
      if (element?.kind === 'agent') {
        showAgent(element.id);
      } else if (element?.kind === 'edge') {
        const edge = spec.edges.find((e) => e.id === element.id);
        setSelection(selectEdge(element.id));
        setTab('inspect');
        if (edge) void fitView({ nodes: [{ id: edge.from }, { id: edge.to }], duration: 200, maxZoom: 1.2 });
      } else {
        setTab(issue.target.kind === 'variable' ? 'variables' : 'session');
      }
      setFocusPath({ path: issue.target.path });
    },
    [spec, showAgent, setSelection, fitView],
  );

  // Turn settings "used" from a call's replay arrive as one undo step; show where they went.
  const handover = useTurnSettingsHandover(
    flow.id,
    editor,
    useCallback((h) => (h.agentId === null ? setTab('session') : showAgent(h.agentId)), [showAgent]),
  );

  const inspect = useCallback(() => setTab('inspect'), []);
  const toggleTester = useCallback(() => {
    setTesterOpen((open) => !open);
    setTesterMounted(true);
  }, []);

  // Selecting something on the canvas shows its inspector.
  const selected = selection.agents.size + selection.edges.size;
  useEffect(() => {
    if (selected > 0) setTab('inspect');
  }, [selected]);

  return (
    <div className="builder">
      <header className="builder-bar">
        <a href="/">← Flows</a>
        <h1>{spec.name}</h1>
        <SaveIndicator status={autosave.status} onRetry={() => void autosave.flush()} />
        <div className="bar-actions">
          <button type="button" onClick={editor.undo} disabled={!editor.canUndo} aria-keyshortcuts="Control+Z Meta+Z">
            Undo
          </button>
          <button
            type="button"
            onClick={editor.redo}
            disabled={!editor.canRedo}
            aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z"
          >
            Redo
          </button>
          <button type="button" onClick={() => downloadSpec(spec)}>
            Export JSON
          </button>
          {testerOpen && (
            <label className="pin-inspector">
              <input type="checkbox" checked={inspectorPinned} onChange={(e) => setInspectorPinned(e.target.checked)} />
              Pin inspector
            </label>
          )}
          <button type="button" aria-pressed={testerOpen} onClick={toggleTester}>
            Test
          </button>
        </div>
      </header>
      {autosave.status.kind === 'conflict' && <ConflictBanner onReload={onReload} />}
      {handover.applied && (
        <TurnSettingsNotice
          level={
            handover.applied.agentId === null
              ? 'the session settings'
              : `agent ${spec.agents.find((a) => a.id === handover.applied?.agentId)?.name ?? handover.applied.agentId}`
          }
          summary={handover.summary}
          onDismiss={handover.dismiss}
        />
      )}
      <div className="builder-main">
        <Palette spec={spec} edit={edit} setSelection={setSelection} />
        <div className="canvas-column">
          <div className="canvas-wrap">
            <FlowCanvas
              spec={live}
              issues={issues}
              selection={selection}
              setSelection={setSelection}
              edit={edit}
              seal={seal}
              onInspect={inspect}
              onDragging={setDragging}
              highlight={testerOpen ? highlight : null}
            />
          </div>
          <ProblemsList issues={issues.all} onSelect={goToIssue} />
        </div>
        {inspectorFolded ? (
          <InspectorFold onShow={() => setInspectorPinned(true)} />
        ) : (
          <SidePanel
            tab={tab}
            onTab={setTab}
            flowId={flow.id}
            spec={spec}
            selection={selection}
            edit={edit}
            seal={seal}
            setSelection={setSelection}
            onPickAgent={showAgent}
            flush={autosave.flush}
            revision={autosave.revision}
            onRestored={onReplaced}
            failedScenarios={failedScenarios}
          />
        )}
        {/* Mounted when first opened, then hidden rather than unmounted: closing must not drop a running call. */}
        {testerMounted && (
          <div hidden={!testerOpen} className="tester-dock">
            <TesterPanel
              flowId={flow.id}
              spec={spec}
              edit={edit}
              flush={autosave.flush}
              onHighlight={setHighlight}
              onScenarioResults={setScenarioResults}
            />
          </div>
        )}
      </div>
    </div>
  );
}
