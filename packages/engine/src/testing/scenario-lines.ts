import type { SessionEvent } from '../session/events';
import type { ScenarioLine } from './scenario-result';

/** The readable lines of a run's events: what was said, tools, handoffs, errors and the end. */
export function scenarioLines(events: readonly SessionEvent[]): ScenarioLine[] {
  const lines: ScenarioLine[] = [];
  for (const event of events) {
    switch (event.type) {
      case 'transcript':
        if (event.final) lines.push({ kind: 'user', text: event.text });
        break;
      case 'assistant_message':
        lines.push({ kind: 'assistant', text: event.text, agentId: event.agentId });
        break;
      case 'tool_call':
        lines.push({ kind: 'tool_call', name: event.name, arguments: event.arguments });
        break;
      case 'tool_result':
        lines.push({ kind: 'tool_result', name: event.name, output: event.output, isError: event.isError });
        break;
      case 'handoff':
        lines.push({ kind: 'handoff', from: event.from, to: event.to });
        break;
      case 'error':
        lines.push({ kind: 'error', message: `${event.source}: ${event.message}` });
        break;
      case 'session_ended':
        lines.push({ kind: 'ended', reason: event.reason });
        break;
    }
  }
  return lines;
}
