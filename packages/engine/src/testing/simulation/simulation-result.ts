import type { SimulationCheck } from '../../flow/scenario-schema';
import type { ScenarioLine } from '../scenario-result';

/**
 * What running a flow's simulations reports. Plain JSON, like ScenarioResult: the CLI writes it
 * as JUnit XML, the builder shows it.
 */

/** A hard check and how it fared. */
export interface SimulationCheckResult {
  check: SimulationCheck;
  status: 'passed' | 'failed';
  reason: string;
}

/** One success criterion as the judge saw it; `skipped` when no LLM could judge it. */
export interface CriterionResult {
  criterion: string;
  status: 'passed' | 'failed' | 'skipped';
  reason: string;
}

/** One of the k runs: the whole conversation and its verdicts. */
export interface SimulationRun {
  run: number;
  status: 'passed' | 'failed' | 'error';
  error: string | null;
  /** Who ended the call: the agent, the simulated caller, or nobody before maxTurns. */
  endedBy: 'agent' | 'caller' | 'max_turns';
  callerTurns: number;
  transcript: ScenarioLine[];
  checks: SimulationCheckResult[];
  criteria: CriterionResult[];
  durationMs: number;
}

/** A simulation over its k runs. */
export interface SimulationResult {
  id: string;
  name: string;
  /** Which caller spoke: an LLM with the persona, or the offline script. */
  caller: 'llm' | 'scripted';
  k: number;
  passed: number;
  /** passed / k, 0..1. */
  passRate: number;
  /** `error` when it could not run at all (no LLM and no script; a provider could not be set up). */
  status: 'passed' | 'failed' | 'error';
  error: string | null;
  runs: SimulationRun[];
  durationMs: number;
}
