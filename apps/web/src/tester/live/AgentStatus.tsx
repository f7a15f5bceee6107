'use client';

import type { AgentState } from '@parley/engine';
import { LevelBars } from './LevelBars';

const labels: Record<AgentState, string> = {
  initializing: 'Starting…',
  idle: 'Idle',
  listening: 'Listening',
  thinking: 'Thinking',
  speaking: 'Speaking',
};

/** The agent's state, who is active, and visualizers of the agent's and the caller's audio. */
export function AgentStatus({
  state,
  agentName,
  agent,
  caller,
}: {
  state: AgentState;
  agentName: string | null;
  agent: AnalyserNode | null;
  caller: AnalyserNode | null;
}) {
  return (
    <div className={`agent-status state-${state}`} data-testid="agent-status" data-state={state}>
      <div>
        <strong aria-live="polite">{labels[state]}</strong>
        {agentName && <span className="hint"> · {agentName}</span>}
      </div>
      <div className="agent-status-bars">
        <LevelBars analyser={agent} label="Agent audio level" />
        <LevelBars analyser={caller} label="Microphone level" />
      </div>
    </div>
  );
}
