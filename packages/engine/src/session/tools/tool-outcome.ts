import type { HandoffToolPlan } from '../../flow/plan';

/** What running one tool call produced; `effect` is what the session must do afterwards. */
export interface ToolOutcome {
  output: string;
  isError: boolean;
  effect?:
    | { kind: 'handoff'; tool: HandoffToolPlan; reason: string }
    | { kind: 'end_call' }
    | { kind: 'variable'; name: string; value: string | number | boolean };
}

/** A failed tool call as the LLM sees it. */
export function toolError(message: string): ToolOutcome {
  return { output: JSON.stringify({ error: message }), isError: true };
}
