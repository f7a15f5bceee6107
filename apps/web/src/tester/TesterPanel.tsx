'use client';

import type { ScenarioResult } from '@parley/engine';
import type { FlowSpec } from '@parley/engine/flow';
import { memo, useEffect, useState } from 'react';
import './tester.css';
import type { CallHighlight } from '../highlight/call-highlight';
import { CallPanel } from './call/CallPanel';
import { useTestCall } from './call/use-test-call';
import { CallHistory } from './history/CallHistory';
import { CallReplay } from './history/CallReplay';
import { ScenariosPanel } from './scenarios/ScenariosPanel';
import { TestsPanel } from './tests/TestsPanel';

const tabs = [
  { id: 'call', label: 'Call' },
  { id: 'history', label: 'History' },
  { id: 'scenarios', label: 'Scenarios' },
  { id: 'tests', label: 'Tests' },
] as const;
type Tab = (typeof tabs)[number]['id'];

/** Props of the tester panel. */
export interface TesterPanelProps {
  flowId: string;
  spec: FlowSpec;
  edit: (update: (spec: FlowSpec) => FlowSpec) => void;
  flush: () => Promise<boolean>;
  /** What the canvas should highlight: the running call's path, or the replayed call's. */
  onHighlight: (highlight: CallHighlight | null) => void;
  onScenarioResults: (results: ScenarioResult[]) => void;
}

/** The call tester: a live test call, the call history with replays, and scenario tests. */
export const TesterPanel = memo(function TesterPanel({
  flowId,
  spec,
  edit,
  flush,
  onHighlight,
  onScenarioResults,
}: TesterPanelProps) {
  const [tab, setTab] = useState<Tab>('call');
  const [replaying, setReplaying] = useState<string | null>(null);
  const [record, setRecord] = useState(false);
  const call = useTestCall(flowId, record);
  const { phase, view } = call;

  // The live call's path while on the Call tab; a replay sets its own.
  const callActive = phase.kind !== 'idle';
  useEffect(() => {
    if (tab === 'call') onHighlight(callActive ? { activeAgentId: view.activeAgentId, edgeIds: view.path } : null);
  }, [tab, callActive, view.activeAgentId, view.path, onHighlight]);
  useEffect(() => {
    if (tab === 'history' && !replaying) onHighlight(null);
  }, [tab, replaying, onHighlight]);

  return (
    <aside className="tester-panel" aria-label="Tester">
      <div className="tabs" role="tablist">
        {tabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`tester-tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls="tester-body"
            className={tab === t.id ? 'active' : ''}
            onClick={() => setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div id="tester-body" role="tabpanel" aria-labelledby={`tester-tab-${tab}`} className="tester-body">
        {/* The call stays mounted while other tabs show, so switching tabs never drops it. */}
        <div hidden={tab !== 'call'}>
          <CallPanel spec={spec} flowId={flowId} call={call} flush={flush} record={record} onRecordChange={setRecord} />
        </div>
        {tab === 'history' &&
          (replaying ? (
            <CallReplay callId={replaying} spec={spec} onClose={() => setReplaying(null)} onHighlight={onHighlight} />
          ) : (
            <CallHistory flowId={flowId} refreshKey={phase.kind} onReplay={setReplaying} />
          ))}
        {tab === 'tests' && (
          <TestsPanel
            flowId={flowId}
            spec={spec}
            edit={edit}
            flush={flush}
            onHighlight={onHighlight}
            onResults={onScenarioResults}
          />
        )}
        {tab === 'scenarios' && (
          <ScenariosPanel flowId={flowId} spec={spec} edit={edit} flush={flush} onResults={onScenarioResults} />
        )}
      </div>
    </aside>
  );
});
