'use client';

import type { FlowSpec } from '@parley/engine/flow';
import dynamic from 'next/dynamic';
import { memo } from 'react';
import type { FlowWithIssues } from '@/src/api/types';
import { FlowRecordingSetting } from '../calls/review/FlowRecordingSetting';
import { WebhookSettings } from '../webhooks/WebhookSettings';
import { AgentPicker } from './inspectors/AgentPicker';
import { SelectionInspector } from './inspectors/SelectionInspector';
import { SessionPanel } from './inspectors/SessionPanel';
import { VariablesPanel } from './inspectors/VariablesPanel';
import type { Selection } from './state/selection';

// Not on the first paint: its code loads when the Versions tab is first shown.
const VersionsPanel = dynamic(() => import('./versions/VersionsPanel').then((m) => m.VersionsPanel));

/** The side panel's tabs. */
export const sidePanelTabs = [
  { id: 'inspect', label: 'Inspect' },
  { id: 'session', label: 'Session' },
  { id: 'variables', label: 'Variables' },
  { id: 'versions', label: 'Versions' },
] as const;

/** One of the side panel's tabs. */
export type SidePanelTab = (typeof sidePanelTabs)[number]['id'];

/** Props of the side panel; all stable while an agent is dragged, so it does not re-render then. */
export interface SidePanelProps {
  tab: SidePanelTab;
  onTab: (tab: SidePanelTab) => void;
  flowId: string;
  spec: FlowSpec;
  selection: Selection;
  edit: (update: (spec: FlowSpec) => FlowSpec, coalesceKey?: string) => void;
  seal: () => void;
  setSelection: (selection: Selection) => void;
  /** Selects an agent and brings it into view. */
  onPickAgent: (agentId: string) => void;
  flush: () => Promise<boolean>;
  revision: number;
  onRestored: (flow: FlowWithIssues) => void;
  failedScenarios: readonly string[];
}

/** The inspector tabs beside the canvas: selection, session settings, variables, versions. */
export const SidePanel = memo(function SidePanel(props: SidePanelProps) {
  const { tab, onTab, spec, selection, edit, seal, setSelection } = props;
  return (
    <aside className="side-panel" aria-label="Inspector">
      <div className="tabs" role="tablist">
        {sidePanelTabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls="side-panel-body"
            className={tab === t.id ? 'active' : ''}
            onClick={() => onTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div id="side-panel-body" role="tabpanel" aria-labelledby={`tab-${tab}`} className="side-panel-body">
        {tab === 'inspect' && (
          <>
            <AgentPicker agents={spec.agents} selection={selection} onPick={props.onPickAgent} />
            <SelectionInspector spec={spec} selection={selection} edit={edit} seal={seal} setSelection={setSelection} />
          </>
        )}
        {tab === 'session' && (
          <>
            <SessionPanel flowId={props.flowId} spec={spec} edit={edit} seal={seal} />
            <WebhookSettings flowId={props.flowId} />
            <FlowRecordingSetting flowId={props.flowId} />
          </>
        )}
        {tab === 'variables' && <VariablesPanel spec={spec} edit={edit} seal={seal} />}
        {tab === 'versions' && (
          <VersionsPanel
            flowId={props.flowId}
            draft={spec}
            flush={props.flush}
            revision={props.revision}
            onRestored={props.onRestored}
            failedScenarios={props.failedScenarios}
          />
        )}
      </div>
    </aside>
  );
});
