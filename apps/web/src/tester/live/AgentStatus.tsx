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

/** The agent's state (or that the call is over), who is active, and visualizers of both sides' audio. */
export function AgentStatus({
  state,
  over,
  agentName,
  agent,
  caller,
}: {
  state: AgentState;
  /** The call has ended or failed: its last state would mislead ("Starting…" under an error). */
  over: boolean;
  agentName: string | null;
  agent: AnalyserNode | null;
  caller: AnalyserNode | null;
}) {
  return (
    <div className={`agent-status state-${over ? 'over' : state}`} data-testid="agent-status" data-state={state}>
      <div>
        <strong aria-live="polite">{over ? 'Call over' : labels[state]}</strong>
        {agentName && <span className="hint"> · {agentName}</span>}
      </div>
      <div className="agent-status-bars">
        <LevelBars analyser={agent} label="Agent audio level" />
        <LevelBars analyser={caller} label="Microphone level" />
      </div>
    </div>
  );
}
