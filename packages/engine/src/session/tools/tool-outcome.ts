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

/** Tells the LLM how to speak about a failure: the reason is technical, the caller needs none of it. */
const FAILURE_GUIDANCE = 'Tell the caller briefly that this did not work, without reading out these details.';

/** A failed tool call as the LLM sees it (the reason also reaches the tester and records in tool_result). */
export function toolError(message: string): ToolOutcome {
  return { output: JSON.stringify({ error: message, instruction: FAILURE_GUIDANCE }), isError: true };
}
