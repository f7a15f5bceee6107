import type { ScenarioResult, SimulationResult } from '@parley/engine';

/** What a scenario process needs to run one version's scenarios, as a call would get it. */
export interface ScenarioJob {
  /** The version's FlowSpec as stored. */
  spec: { scenarios: { id: string }[] } & Record<string, unknown>;
  ids?: readonly string[];
  /** Simulations to run after the scenarios (none when absent). */
  simulationIds?: readonly string[];
  /** The workspace's own secrets by name (webhook headers, custom base URLs). */
  secrets: Record<string, string>;
  /** The operator's provider keys this workspace may use (built-in endpoints only; the judge too). */
  providerKeys: Record<string, string>;
  webhookAllowList: string[];
}

/** Parent -> scenario process. */
export type ScenarioParentMessage = { type: 'run'; job: ScenarioJob };

/** Scenario process -> parent. */
export type ScenarioChildMessage =
  /** Booted: waiting for its job. */
  | { type: 'ready' }
  /** One scenario finished (sent as each one ends, so a run stopped midway keeps what it did). */
  | { type: 'result'; result: ScenarioResult }
  /** One simulation finished, all its k runs. */
  | { type: 'simulation'; result: SimulationResult }
  /** Every chosen scenario ran; the process exits next. */
  | { type: 'done' };
