import type { ResolvedProviders } from './resolve';
import type { ContextPolicy, ScriptRule, VariableSpec } from './schema';
import type { TurnHandling } from './settings';
import type { SpeechHygiene, UserTurnLimit } from './speech-schema';
import type { AgentKind, OnEnter, ToolBranches } from './steps-schema';

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
  /** Routes the result to an agent by a JSON path (no LLM round in between). */
  branches?: ToolBranches;
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
  /** Absent means an LLM agent. */
  kind?: AgentKind;
  onEnter?: OnEnter;
  /** Edges taken without the LLM, in the user's order: the first whose condition holds wins. */
  routes?: RoutePlan[];
}

/** An automatic edge: `condition` absent means always (the next step of a say node). */
export interface RoutePlan {
  condition?: string;
  handoff: HandoffToolPlan;
}

/** What compile() produces and a VoiceSession runs. */
export interface SessionPlan {
  flowName: string;
  language: string;
  entryAgentId: string;
  variables: VariableSpec[];
  agents: Record<string, AgentPlan>;
  userTurnLimit?: UserTurnLimit;
  speech?: SpeechHygiene;
}
