import { type CallEndedPayload, callEndedPayloadSchema } from '@parley/calls';
import type { CallEventRow, CallRecord, DeliveryRecord } from '@parley/db';
import type { SessionEvent } from '@parley/engine';

type Variables = CallEndedPayload['call']['variables'];

/** A stored event row as the SessionEvent it was. */
function asEvent(row: CallEventRow): SessionEvent {
  return { ...(row.payload as object), type: row.type, t: row.t } as SessionEvent;
}

function callPart(call: CallRecord, variables: Variables): CallEndedPayload['call'] {
  if (call.status !== 'ended' && call.status !== 'failed') {
    throw new Error(`call ${call.id} is ${call.status}; a post-call webhook needs an ended or failed call`);
  }
  const { startedAt, endedAt } = call;
  return {
    id: call.id,
    flowId: call.flowId,
    flowVersionId: call.flowVersionId,
    versionNumber: call.versionNumber,
    source: call.source,
    status: call.status,
    failureReason: call.failureReason,
    startedAt: startedAt?.toISOString() ?? null,
    endedAt: endedAt?.toISOString() ?? null,
    durationMs: startedAt && endedAt ? endedAt.getTime() - startedAt.getTime() : null,
    room: call.room,
    callerIdentity: call.callerIdentity,
    variables,
  };
}

/**
 * The body of delivery `delivery` for `call`, from the call's record and its stored events: the
 * conversation (final caller transcripts, whole agent messages), tool calls with their results,
 * handoffs and per-turn metrics. The same inputs give the same body, so every retry sends it again.
 */
export function callEndedPayload(
  delivery: Pick<DeliveryRecord, 'id' | 'createdAt'>,
  call: CallRecord,
  rows: CallEventRow[],
): CallEndedPayload {
  const variables: Variables = { ...call.variables };
  const transcript: CallEndedPayload['transcript'] = [];
  const toolCalls = new Map<string, CallEndedPayload['toolCalls'][number]>();
  const handoffs: CallEndedPayload['handoffs'] = [];
  const turns: CallEndedPayload['turns'] = [];
  for (const event of rows.map(asEvent)) {
    if (event.type === 'transcript' && event.final) transcript.push({ role: 'user', text: event.text, t: event.t });
    else if (event.type === 'assistant_message')
      transcript.push({
        role: 'agent',
        agentId: event.agentId,
        text: event.text,
        interrupted: event.interrupted,
        t: event.t,
      });
    else if (event.type === 'tool_call')
      toolCalls.set(event.callId, { name: event.name, agentId: event.agentId, arguments: event.arguments, t: event.t });
    else if (event.type === 'tool_result') {
      const toolCall = toolCalls.get(event.callId);
      if (toolCall) toolCall[event.isError ? 'error' : 'result'] = event.output;
    } else if (event.type === 'handoff')
      handoffs.push({ from: event.from, to: event.to, edgeId: event.edgeId, reason: event.reason, t: event.t });
    else if (event.type === 'metrics') turns.push({ ...event.metrics, t: event.t });
    else if (event.type === 'variable_set') variables[event.name] = event.value;
  }
  // Parsed so a body that strays from the published schema fails here, not at the receiver.
  return callEndedPayloadSchema.parse({
    type: 'call.ended',
    id: delivery.id,
    createdAt: delivery.createdAt.toISOString(),
    call: callPart(call, variables),
    transcript,
    toolCalls: [...toolCalls.values()],
    handoffs,
    turns,
  });
}
