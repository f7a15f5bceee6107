import type { ScenarioExpectation } from '../flow/schema';
import type { VoiceTurnReport } from './voice/voice-report';

/**
 * What running a flow's scenarios reports. Plain JSON: the runtime sends it to the web app,
 * which shows it step by step.
 */
export type ExpectationStatus = 'passed' | 'failed' | 'skipped';

/** One expectation of a turn and how it fared; `reason` says why it failed or was skipped. */
export interface ExpectationResult {
  expectation: ScenarioExpectation;
  status: ExpectationStatus;
  reason: string;
}

/** One line of what happened in a turn, in order. */
export type ScenarioLine =
  | { kind: 'user'; text: string }
  | { kind: 'assistant'; text: string; agentId: string }
  | { kind: 'tool_call'; name: string; arguments: unknown }
  | { kind: 'tool_result'; name: string; output: string; isError: boolean }
  | { kind: 'handoff'; from: string; to: string }
  | { kind: 'ended'; reason: string }
  | { kind: 'error'; message: string };

/** One user turn: failed when any expectation failed (skipped ones do not fail it). */
export interface ScenarioStepResult {
  user: string;
  status: 'passed' | 'failed';
  expectations: ExpectationResult[];
  transcript: ScenarioLine[];
  /** Voice mode: timing and the caller's-eye checks (cut-offs, interruptions, no turn on noise). */
  voice?: VoiceTurnReport;
}

/**
 * One scenario: `error` when it could not run at all (a provider could not be set up, the session
 * hung); `steps` holds the turns that ran.
 */
export interface ScenarioResult {
  id: string;
  name: string;
  status: 'passed' | 'failed' | 'error';
  /** Why the scenario could not run (status `error`). */
  error: string | null;
  /** What the agent said before the first turn (its greeting). */
  opening: ScenarioLine[];
  steps: ScenarioStepResult[];
  durationMs: number;
  /** Session time the run covered (virtual: far more than durationMs when it runs faster than real time). */
  sessionMs?: number;
}
