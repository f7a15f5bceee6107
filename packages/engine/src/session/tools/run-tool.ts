import type { ToolPlan } from '../../flow/plan';
import type { VariableSpec } from '../../flow/schema';
import type { ToolCallRequest } from '../../providers/llm/types';
import type { RequestGuard } from './guarded-request';
import { type ToolOutcome, toolError } from './tool-outcome';
import { callWebhook } from './webhook';

export interface ToolContext {
  tools: readonly ToolPlan[];
  variables: readonly VariableSpec[];
  secrets: Readonly<Record<string, string>>;
  /** Where webhooks may connect. */
  webhooks: RequestGuard;
  signal?: AbortSignal;
}

/** Runs one tool call of the LLM against the agent's tools; never throws. */
export async function runTool(call: ToolCallRequest, context: ToolContext): Promise<ToolOutcome> {
  const tool = context.tools.find((t) => t.name === call.name);
  if (!tool) return toolError(`unknown tool ${call.name}`);
  const args = parseArguments(call.arguments);
  if (!args) return toolError('arguments are not a JSON object');
  switch (tool.kind) {
    case 'webhook':
      return callWebhook(tool, args, context.secrets, context.webhooks, context.signal);
    case 'end_call':
      return { output: 'The call will end after this reply.', isError: false, effect: { kind: 'end_call' } };
    case 'handoff': {
      const reason = typeof args.reason === 'string' ? args.reason : '';
      return { output: `Transferring the caller.`, isError: false, effect: { kind: 'handoff', tool, reason } };
    }
    case 'set_variable':
      return setVariable(args, context.variables);
  }
}

function setVariable(args: Record<string, unknown>, variables: readonly VariableSpec[]): ToolOutcome {
  const spec = variables.find((v) => v.name === args.name);
  if (!spec) return toolError(`unknown variable ${String(args.name)}`);
  const value = coerce(args.value, spec.type);
  if (value === undefined) return toolError(`${spec.name} must be a ${spec.type}`);
  return { output: `Stored ${spec.name}.`, isError: false, effect: { kind: 'variable', name: spec.name, value } };
}

function coerce(value: unknown, type: VariableSpec['type']): string | number | boolean | undefined {
  if (type === 'string') return typeof value === 'object' || value === undefined ? undefined : String(value);
  if (type === 'number') {
    const n = typeof value === 'number' ? value : Number(value);
    return Number.isFinite(n) && value !== '' ? n : undefined;
  }
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'yes') return true;
  if (value === 'false' || value === 'no') return false;
  return undefined;
}

function parseArguments(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text || '{}');
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}
