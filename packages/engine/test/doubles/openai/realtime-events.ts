import type { WireEvent } from './realtime-connection';

/**
 * Builders for the server events of one Realtime turn (GA event names), so tests script the
 * model's side in a line: the caller speaks, the model answers with audio or a tool call.
 */

/** Server VAD heard speech start. */
export function speechStarted(itemId: string, audioStartMs: number): WireEvent {
  return { type: 'input_audio_buffer.speech_started', item_id: itemId, audio_start_ms: audioStartMs };
}

/** Server VAD heard speech stop. */
export function speechStopped(itemId: string, audioEndMs: number): WireEvent {
  return { type: 'input_audio_buffer.speech_stopped', item_id: itemId, audio_end_ms: audioEndMs };
}

/** The caller's speech, transcribed. */
export function inputTranscript(itemId: string, transcript: string): WireEvent {
  return {
    type: 'conversation.item.input_audio_transcription.completed',
    item_id: itemId,
    content_index: 0,
    transcript,
    usage: { type: 'duration', seconds: 1 },
  };
}

/** response.created for a new in-progress response. */
export function responseCreated(responseId: string): WireEvent {
  return { type: 'response.created', response: { id: responseId, object: 'realtime.response', status: 'in_progress' } };
}

/** response.done with a final status. */
export function responseDone(
  responseId: string,
  status: 'completed' | 'cancelled' | 'failed' = 'completed',
): WireEvent {
  return { type: 'response.done', response: { id: responseId, object: 'realtime.response', status, output: [] } };
}

/** A spoken answer: transcript deltas interleaved with base64 PCM16 audio deltas. */
export function audioAnswer(
  responseId: string,
  itemId: string,
  parts: { transcript: string; audio: Int16Array }[],
): WireEvent[] {
  const where = { response_id: responseId, item_id: itemId, output_index: 0, content_index: 0 };
  return [
    responseCreated(responseId),
    {
      type: 'response.output_item.added',
      response_id: responseId,
      output_index: 0,
      item: { id: itemId, type: 'message', role: 'assistant', status: 'in_progress', content: [] },
    },
    ...parts.flatMap((part) => [
      { type: 'response.output_audio_transcript.delta', ...where, delta: part.transcript },
      {
        type: 'response.output_audio.delta',
        ...where,
        delta: Buffer.from(part.audio.buffer, part.audio.byteOffset, part.audio.byteLength).toString('base64'),
      },
    ]),
    { type: 'response.output_audio.done', ...where },
    { type: 'response.output_audio_transcript.done', ...where, transcript: parts.map((p) => p.transcript).join('') },
  ];
}

/** A function call: argument deltas, then .done with the whole call, then response.done. */
export function functionCallAnswer(
  responseId: string,
  itemId: string,
  call: { callId: string; name: string; argumentPieces: string[] },
): WireEvent[] {
  const where = { response_id: responseId, item_id: itemId, output_index: 0, call_id: call.callId };
  return [
    responseCreated(responseId),
    {
      type: 'response.output_item.added',
      response_id: responseId,
      output_index: 0,
      item: {
        id: itemId,
        type: 'function_call',
        status: 'in_progress',
        call_id: call.callId,
        name: call.name,
        arguments: '',
      },
    },
    ...call.argumentPieces.map((delta) => ({ type: 'response.function_call_arguments.delta', ...where, delta })),
    {
      type: 'response.function_call_arguments.done',
      ...where,
      name: call.name,
      arguments: call.argumentPieces.join(''),
    },
    responseDone(responseId),
  ];
}

/** An `error` server event (the connection stays open). */
export function serverError(type: string, code: string | null, message: string): WireEvent {
  return { type: 'error', error: { type, code, message, param: null, event_id: null } };
}
