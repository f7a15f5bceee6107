'use client';

import type { ValidationIssue } from '@parley/engine/flow';
import { useReactFlow } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import './builder.css';
import type { ScenarioResult } from '@parley/engine';
import { useEffect, useState } from 'react';
import type { CallHighlight } from '../tester/live/path-highlight';
import { TesterPanel } from '../tester/TesterPanel';
import type { FlowRecord, FlowWithIssues } from './api/types';
import { FlowCanvas } from './canvas/FlowCanvas';
import { Palette } from './canvas/Palette';
import { useCanvasShortcuts } from './canvas/use-canvas-shortcuts';
import { SelectionInspector } from './inspectors/SelectionInspector';
import { SessionPanel } from './inspectors/SessionPanel';
import { VariablesPanel } from './inspectors/VariablesPanel';
import { ConflictBanner } from './state/ConflictBanner';
import { SaveIndicator } from './state/SaveIndicator';
import { selectAgents, selectEdge } from './state/selection';
import { useAutosave } from './state/use-autosave';
import { useFlowEditor } from './state/use-flow-editor';
import { focusField } from './validation/focus-field';
import { issueElement } from './validation/issue-index';
import { ProblemsList } from './validation/ProblemsList';
import { useValidation } from './validation/use-validation';
import { downloadSpec } from './versions/download-spec';
import { VersionsPanel } from './versions/VersionsPanel';

const tabs = [
  { id: 'inspect', label: 'Inspect' },
  { id: 'session', label: 'Session' },
  { id: 'variables', label: 'Variables' },
  { id: 'versions', label: 'Versions' },
] as const;
type Tab = (typeof tabs)[number]['id'];

/** Props of the builder. */
export interface BuilderProps {
  flow: FlowRecord;
  /** Loads the flow again from the server (after a conflict). */
  onReload: () => void;
  /** Shows a flow record the server returned (after a restore). */
  onReplaced: (flow: FlowWithIssues) => void;
}

/** The builder: palette, canvas and problems, and the inspector tabs, all over one FlowSpec. */
export function Builder({ flow, onReload, onReplaced }: BuilderProps) {
  const editor = useFlowEditor(flow.draft);
  const { spec, edit, seal, selection, setSelection } = editor;
  const issues = useValidation(spec);
  const autosave = useAutosave(flow.id, spec, flow.revision);
  const [tab, setTab] = useState<Tab>('inspect');
  const [focusPath, setFocusPath] = useState<{ path: string } | null>(null);
  const { fitView } = useReactFlow();
  const [testerOpen, setTesterOpen] = useState(false);
  const [highlight, setHighlight] = useState<CallHighlight | null>(null);
  const [scenarioResults, setScenarioResults] = useState<ScenarioResult[]>([]);
  const failedScenarios = scenarioResults.filter((r) => r.status !== 'passed').map((r) => r.name);
  useCanvasShortcuts(editor);

  // Focus the field a problem points at, once its panel has rendered.
  useEffect(() => {
    if (!focusPath) return;
    const frame = requestAnimationFrame(() => focusField(focusPath.path));
    return () => cancelAnimationFrame(frame);
  }, [focusPath]);

  const goToIssue = (issue: ValidationIssue) => {
    const element = issueElement(spec, issue);
    if (element?.kind === 'agent') {
      setSelection(selectAgents([element.id]));
      setTab('inspect');
      void fitView({ nodes: [{ id: element.id }], duration: 200, maxZoom: 1.2 });
    } else if (element?.kind === 'edge') {
      const edge = spec.edges.find((e) => e.id === element.id);
      setSelection(selectEdge(element.id));
      setTab('inspect');
      if (edge) void fitView({ nodes: [{ id: edge.from }, { id: edge.to }], duration: 200, maxZoom: 1.2 });
    } else {
      setTab(issue.target.kind === 'variable' ? 'variables' : 'session');
    }
    setFocusPath({ path: issue.target.path });
  };

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
          <button type="button" aria-pressed={testerOpen} onClick={() => setTesterOpen((open) => !open)}>
            Test
          </button>
        </div>
      </header>
      {autosave.status.kind === 'conflict' && <ConflictBanner onReload={onReload} />}
      <div className="builder-main">
        <Palette spec={spec} edit={edit} setSelection={setSelection} />
        <div className="canvas-column">
          <div className="canvas-wrap">
            <FlowCanvas
              spec={spec}
              issues={issues}
              selection={selection}
              setSelection={setSelection}
              edit={edit}
              seal={seal}
              onInspect={() => setTab('inspect')}
              highlight={testerOpen ? highlight : null}
            />
          </div>
          <ProblemsList issues={issues.all} onSelect={goToIssue} />
        </div>
        <aside className="side-panel" aria-label="Inspector">
          <div className="tabs" role="tablist">
            {tabs.map((t) => (
              <button
                key={t.id}
                type="button"
                role="tab"
                id={`tab-${t.id}`}
                aria-selected={tab === t.id}
                aria-controls="side-panel-body"
                className={tab === t.id ? 'active' : ''}
                onClick={() => setTab(t.id)}
              >
                {t.label}
              </button>
            ))}
          </div>
          <div id="side-panel-body" role="tabpanel" aria-labelledby={`tab-${tab}`} className="side-panel-body">
            {tab === 'inspect' && (
              <SelectionInspector
                spec={spec}
                selection={selection}
                edit={edit}
                seal={seal}
                setSelection={setSelection}
              />
            )}
            {tab === 'session' && <SessionPanel spec={spec} edit={edit} seal={seal} />}
            {tab === 'variables' && <VariablesPanel spec={spec} edit={edit} seal={seal} />}
            {tab === 'versions' && (
              <VersionsPanel
                flowId={flow.id}
                draft={spec}
                flush={autosave.flush}
                revision={autosave.revision}
                onRestored={onReplaced}
                failedScenarios={failedScenarios}
              />
            )}
          </div>
        </aside>
        {/* Hidden rather than unmounted: closing the panel must not drop a running call. */}
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
      </div>
    </div>
  );
}
