import type { AgentPlan, HandoffToolPlan } from '../flow/plan';
import type { CollectDigits } from '../flow/steps-schema';
import type { ToolCallRequest } from '../providers/llm/types';
import type { DigitCollector } from './digit-collector';
import type { SessionEventBody } from './events';
import type { FlowRoutes } from './flow-routes';
import type { ToolOutcome } from './tools/tool-outcome';

/** What entering an agent needs from the session. */
export interface AgentEntryHost {
  routes: FlowRoutes;
  emit(body: SessionEventBody): void;
  /** Speaks a fixed line (templates filled) and resolves once it has played. */
  speak(text: string): Promise<void>;
  runTool(call: ToolCallRequest, agent: AgentPlan): Promise<ToolOutcome>;
  /** Starts collecting key presses; the session feeds it the caller's DTMF. */
  collectDigits(step: CollectDigits): DigitCollector;
  setVariable(name: string, value: string): void;
  handoff(tool: HandoffToolPlan, reason: string): Promise<void>;
  /** End the call once everything queued has played. */
  endCall(): void;
  /** Nothing routed the caller on: what an agent does on entering (greet or reply). */
  otherwise(): void;
  aborted(): boolean;
}

/** True when entering `agent` does more than greet: on-enter steps, a say/end node, or routes to check. */
export function hasEntrySteps(agent: AgentPlan): boolean {
  return agent.onEnter !== undefined || (agent.kind ?? 'agent') !== 'agent' || (agent.routes?.length ?? 0) > 0;
}

let callCount = 0;

/**
 * Runs what happens on entering `agent`, in order: its line, its on-enter tool (a result branch
 * may hand off at once), digit collection into a variable, then its routes (first true wins).
 * An end node ends the call after its line; otherwise an LLM agent greets or replies.
 */
export async function enterAgent(agent: AgentPlan, host: AgentEntryHost): Promise<void> {
  const steps = agent.onEnter ?? {};
  // Keys pressed while the prompt plays count, as on any phone menu.
  const collector = steps.collectDigits ? host.collectDigits(steps.collectDigits) : null;
  if (steps.say) await host.speak(steps.say);
  if (host.aborted()) return collector?.end();
  if (agent.kind === 'end') {
    collector?.end();
    return host.endCall();
  }
  if (steps.tool) {
    const branch = await onEnterTool(agent, steps.tool, host);
    if (branch) {
      collector?.end();
      return host.handoff(branch, `result branch of ${steps.tool.name}`);
    }
  }
  if (collector && steps.collectDigits) {
    collector.arm();
    const digits = await collector.done;
    if (host.aborted()) return;
    host.setVariable(steps.collectDigits.variable, digits);
  }
  const route = host.routes.route(agent);
  if (route) return host.handoff(route, 'condition');
  if ((agent.kind ?? 'agent') === 'agent') host.otherwise();
}

async function onEnterTool(
  agent: AgentPlan,
  step: { name: string; args: Record<string, unknown> },
  host: AgentEntryHost,
): Promise<HandoffToolPlan | null> {
  const tool = agent.tools.find((t) => t.name === step.name);
  if (tool?.kind !== 'webhook') return null;
  const call: ToolCallRequest = { id: `enter_${++callCount}`, name: step.name, arguments: JSON.stringify(step.args) };
  host.emit({ type: 'tool_call', callId: call.id, agentId: agent.id, name: call.name, arguments: step.args });
  const outcome = await host.runTool(call, agent);
  host.emit({
    type: 'tool_result',
    callId: call.id,
    name: call.name,
    output: outcome.output,
    isError: outcome.isError,
  });
  return host.routes.enteredTool(tool, outcome);
}
