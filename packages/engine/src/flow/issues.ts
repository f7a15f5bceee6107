/** Stable codes of every problem validate() can report. Codes never change meaning. */
export const issueCodes = [
  'schema_invalid',
  'entry_missing',
  'entry_unknown',
  'agent_duplicate_id',
  'agent_unreachable',
  'edge_duplicate_id',
  'edge_from_unknown',
  'edge_to_unknown',
  'edge_self_handoff',
  'tool_name_invalid',
  'tool_duplicate_name',
  'variable_name_invalid',
  'variable_duplicate',
  'variable_undefined',
  'setting_out_of_range',
  'setting_min_exceeds_max',
  'provider_unknown',
  'realtime_provider_missing',
  'provider_base_url_invalid',
  'turn_model_name_invalid',
  'webhook_url_invalid',
  'webhook_parameters_invalid',
  'scenario_duplicate_id',
  'scenario_agent_unknown',
  'scenario_expectation_empty',
  'scenario_pattern_invalid',
  'script_rule_invalid',
  'script_rule_tool_unknown',
  'condition_syntax_invalid',
  'condition_variable_unknown',
  'condition_type_mismatch',
  'node_line_missing',
  'say_next_missing',
  'end_has_edges',
  'on_enter_tool_unknown',
  'branch_path_invalid',
  'branch_target_unknown',
  'scenario_delivery_invalid',
  'simulation_duplicate_id',
  'simulation_agent_unknown',
  'simulation_rule_invalid',
] as const;

export type IssueCode = (typeof issueCodes)[number];

/** What a problem is about, so the builder can point at it. */
export interface IssueTarget {
  kind: 'flow' | 'agent' | 'edge' | 'tool' | 'variable' | 'settings' | 'scenario';
  /** Agent id, edge id, variable name or scenario id, depending on kind. */
  id?: string;
  /** For tools: the agent that owns the tool. */
  agentId?: string;
  /** Dotted path of the field inside the spec, e.g. `agents.2.turnHandling.vad.activationThreshold`. */
  path: string;
}

export interface ValidationIssue {
  code: IssueCode;
  /** `error` blocks publish and compile; `warning` is shown but allowed. */
  severity: 'error' | 'warning';
  message: string;
  target: IssueTarget;
}
