import type { RealtimeSessionConfig, RealtimeTurnDetection } from './types';

/** OpenAI Realtime takes and returns 24 kHz mono PCM16. */
export const OPENAI_REALTIME_SAMPLE_RATE = 24000;

const PCM_FORMAT = { type: 'audio/pcm', rate: OPENAI_REALTIME_SAMPLE_RATE } as const;

function serverVad(turn: RealtimeTurnDetection = {}) {
  return {
    type: 'server_vad',
    ...(turn.threshold === undefined ? {} : { threshold: turn.threshold }),
    ...(turn.prefixPaddingMs === undefined ? {} : { prefix_padding_ms: turn.prefixPaddingMs }),
    ...(turn.silenceDurationMs === undefined ? {} : { silence_duration_ms: turn.silenceDurationMs }),
    create_response: turn.createResponse ?? true,
    interrupt_response: turn.interruptResponse ?? true,
  };
}

/**
 * The `session` object of a GA `session.update` event. The initial update sets audio formats
 * and server VAD; later ones (handoff) only carry the fields that change.
 */
export function sessionUpdatePayload(
  config: Partial<RealtimeSessionConfig>,
  { initial }: { initial: boolean },
): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  const output: Record<string, unknown> = {};
  if (initial) {
    input.format = PCM_FORMAT;
    output.format = PCM_FORMAT;
  }
  if (initial || config.turnDetection !== undefined) input.turn_detection = serverVad(config.turnDetection);
  if (config.transcriptionModel) input.transcription = { model: config.transcriptionModel };
  if (config.voice) output.voice = config.voice;
  const audio = {
    ...(Object.keys(input).length > 0 ? { input } : {}),
    ...(Object.keys(output).length > 0 ? { output } : {}),
  };
  return {
    type: 'realtime',
    ...(config.instructions === undefined ? {} : { instructions: config.instructions }),
    ...(config.tools === undefined
      ? {}
      : {
          tools: config.tools.map((tool) => ({
            type: 'function',
            name: tool.name,
            description: tool.description,
            parameters: tool.parameters,
          })),
          tool_choice: 'auto',
        }),
    ...(initial ? { output_modalities: ['audio'] } : {}),
    ...(Object.keys(audio).length > 0 ? { audio } : {}),
  };
}
