import type { SessionEvent } from '../session/events';

/** The conversation-level events a run is judged on (livekit-style), derived from SessionEvents. */
export type RunEvent =
  | { type: 'message'; role: 'user' | 'assistant'; content: string; interrupted: boolean; agentId?: string }
  | { type: 'function_call'; name: string; arguments: unknown; callId: string }
  | { type: 'function_call_output'; name: string; output: string; isError: boolean; callId: string }
  | { type: 'agent_handoff'; oldAgent: string; newAgent: string; edgeId: string };

/**
 * The run's conversation events, in order. Typed input is the run's own input and is left
 * out; what the caller said aloud (final transcripts) is kept.
 */
export function toRunEvents(events: readonly SessionEvent[]): RunEvent[] {
  const out: RunEvent[] = [];
  for (const event of events) {
    switch (event.type) {
      case 'transcript':
        if (event.final && event.source === 'speech') {
          out.push({ type: 'message', role: 'user', content: event.text, interrupted: false });
        }
        break;
      case 'assistant_message':
        out.push({
          type: 'message',
          role: 'assistant',
          content: event.text,
          interrupted: event.interrupted,
          agentId: event.agentId,
        });
        break;
      case 'tool_call':
        out.push({ type: 'function_call', name: event.name, arguments: event.arguments, callId: event.callId });
        break;
      case 'tool_result':
        out.push({
          type: 'function_call_output',
          name: event.name,
          output: event.output,
          isError: event.isError,
          callId: event.callId,
        });
        break;
      case 'handoff':
        out.push({ type: 'agent_handoff', oldAgent: event.from, newAgent: event.to, edgeId: event.edgeId });
        break;
    }
  }
  return out;
}

/** One line per event, for assertion messages. */
export function describeRunEvent(event: RunEvent): string {
  switch (event.type) {
    case 'message':
      return `message ${event.role}: ${JSON.stringify(event.content)}${event.interrupted ? ' (interrupted)' : ''}`;
    case 'function_call':
      return `function_call ${event.name}(${JSON.stringify(event.arguments)})`;
    case 'function_call_output':
      return `function_call_output ${event.name}${event.isError ? ' [error]' : ''}: ${JSON.stringify(event.output)}`;
    case 'agent_handoff':
      return `agent_handoff ${event.oldAgent} -> ${event.newAgent}`;
  }
}
