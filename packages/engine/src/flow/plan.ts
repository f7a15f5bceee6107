import type { ResolvedProviders } from './resolve';
import type { ContextPolicy, ScriptRule, VariableSpec } from './schema';
import type { TurnHandling } from './settings';

/** A JSON Schema object describing a tool's arguments. */
export type JsonSchemaObject = Record<string, unknown>;

interface ToolBase {
  name: string;
  description: string;
  parameters: JsonSchemaObject;
}

export interface WebhookToolPlan extends ToolBase {
  kind: 'webhook';
  url: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  headers: ({ name: string; value: string } | { name: string; secret: string })[];
  timeoutMs: number;
  /** When set, the tool answers with this instead of calling `url`. */
  mockResponse?: Record<string, unknown>;
}

export interface EndCallToolPlan extends ToolBase {
  kind: 'end_call';
}

export interface HandoffToolPlan extends ToolBase {
  kind: 'handoff';
  edgeId: string;
  targetAgentId: string;
  contextPolicy: ContextPolicy;
  lastN: number;
  transferLine?: string;
}

export interface SetVariableToolPlan extends ToolBase {
  kind: 'set_variable';
}

export type ToolPlan = WebhookToolPlan | EndCallToolPlan | HandoffToolPlan | SetVariableToolPlan;

/** One agent, ready to run: nothing left to look up in the spec. */
export interface AgentPlan {
  id: string;
  name: string;
  /** Instructions template; `{{var}}` is filled from the call's variables when the agent speaks. */
  instructions: string;
  greeting?: string;
  variablesUsed: string[];
  settings: TurnHandling;
  providers: ResolvedProviders;
  tools: ToolPlan[];
  script: { rules: ScriptRule[]; fallback?: string };
}

/** What compile() produces and a VoiceSession runs. */
export interface SessionPlan {
  flowName: string;
  language: string;
  entryAgentId: string;
  variables: VariableSpec[];
  agents: Record<string, AgentPlan>;
}
