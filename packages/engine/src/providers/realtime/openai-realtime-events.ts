import { ProviderError } from '../errors';
import { type ProviderErrorContext, redactSecrets } from '../http-errors';
import { base64ToPcm16 } from './pcm-base64';
import type { RealtimeEvent } from './types';

type ServerEvent = { type: string } & Record<string, unknown>;

const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const num = (value: unknown): number => (typeof value === 'number' ? value : 0);

type ResponseStatus = Extract<RealtimeEvent, { type: 'response_done' }>['status'];
const RESPONSE_STATUSES: ResponseStatus[] = ['completed', 'cancelled', 'failed', 'incomplete', 'in_progress'];

/** Benign errors: cancelling when the server already stopped is the usual race of an interruption. */
const IGNORED_ERROR_CODES = new Set(['response_cancel_not_active']);

function errorFromServer(ctx: ProviderErrorContext, error: Record<string, unknown>): ProviderError {
  const type = str(error.type);
  const code = str(error.code);
  const message = redactSecrets(str(error.message) || 'unknown error', ctx.secrets);
  const kind: ProviderError['kind'] =
    code === 'invalid_api_key'
      ? 'auth'
      : code === 'rate_limit_exceeded' || type === 'rate_limit_error'
        ? 'rate_limit'
        : type === 'server_error'
          ? 'server'
          : 'bad_request';
  return new ProviderError(ctx.provider, kind, `${ctx.label} Realtime reported ${code || type}: ${message}`);
}

/** One OpenAI Realtime (GA) server event as a typed RealtimeEvent, or null for events the session does not use. */
export function toRealtimeEvent(event: ServerEvent, ctx: ProviderErrorContext): RealtimeEvent | null {
  switch (event.type) {
    case 'input_audio_buffer.speech_started':
      return { type: 'speech_started', itemId: str(event.item_id), audioStartMs: num(event.audio_start_ms) };
    case 'input_audio_buffer.speech_stopped':
      return { type: 'speech_stopped', itemId: str(event.item_id), audioEndMs: num(event.audio_end_ms) };
    case 'conversation.item.input_audio_transcription.completed':
      return { type: 'input_transcript', itemId: str(event.item_id), text: str(event.transcript) };
    case 'response.created':
      return { type: 'response_started', responseId: str((event.response as ServerEvent | undefined)?.id) };
    case 'response.output_audio_transcript.delta':
    case 'response.output_text.delta':
      return {
        type: 'text_delta',
        responseId: str(event.response_id),
        itemId: str(event.item_id),
        delta: str(event.delta),
      };
    case 'response.output_audio.delta':
      return {
        type: 'audio_delta',
        responseId: str(event.response_id),
        itemId: str(event.item_id),
        samples: base64ToPcm16(str(event.delta)),
      };
    case 'response.function_call_arguments.done':
      return {
        type: 'tool_call',
        responseId: str(event.response_id),
        itemId: str(event.item_id),
        call: { id: str(event.call_id), name: str(event.name), arguments: str(event.arguments) || '{}' },
      };
    case 'response.done': {
      const response = (event.response ?? {}) as ServerEvent;
      const status = RESPONSE_STATUSES.find((known) => known === response.status) ?? 'in_progress';
      return { type: 'response_done', responseId: str(response.id), status };
    }
    case 'error': {
      const error = (event.error ?? {}) as Record<string, unknown>;
      if (IGNORED_ERROR_CODES.has(str(error.code))) return null;
      return { type: 'error', error: errorFromServer(ctx, error), fatal: false };
    }
    default:
      return null;
  }
}
