import type { ProviderError } from '../errors';
import type { ToolCallRequest, ToolDefinition } from '../llm/types';

/** Server-side voice activity detection: the `realtime_llm` turn-detection mode. */
export interface RealtimeTurnDetection {
  /** 0..1; higher needs louder speech. */
  threshold?: number;
  prefixPaddingMs?: number;
  silenceDurationMs?: number;
  /** Let the server start a response when the caller stops talking (default true). */
  createResponse?: boolean;
  /** Let the server cancel its response when the caller starts talking (default true). */
  interruptResponse?: boolean;
}

/** What a speech-to-speech session is told to be; update() changes it on handoff. */
export interface RealtimeSessionConfig {
  instructions: string;
  tools: ToolDefinition[];
  voice?: string;
  /** Model that transcribes the caller for `input_transcript` events, e.g. 'gpt-4o-mini-transcribe'. */
  transcriptionModel?: string;
  turnDetection?: RealtimeTurnDetection;
}

/** Typed server events, for the session. Audio is 24 kHz mono PCM. */
export type RealtimeEvent =
  | { type: 'speech_started'; itemId: string; audioStartMs: number }
  | { type: 'speech_stopped'; itemId: string; audioEndMs: number }
  | { type: 'input_transcript'; itemId: string; text: string }
  | { type: 'response_started'; responseId: string }
  /** Text of the answer: the audio transcript, or text for text-only output. */
  | { type: 'text_delta'; responseId: string; itemId: string; delta: string }
  | { type: 'audio_delta'; responseId: string; itemId: string; samples: Int16Array }
  | { type: 'tool_call'; responseId: string; itemId: string; call: ToolCallRequest }
  | {
      type: 'response_done';
      responseId: string;
      status: 'completed' | 'cancelled' | 'failed' | 'incomplete' | 'in_progress';
    }
  /** `fatal` means the connection is gone and the session must reconnect or end. */
  | { type: 'error'; error: ProviderError; fatal: boolean }
  | { type: 'closed' };

/** One live speech-to-speech conversation over a socket. */
export interface RealtimeSession {
  /** PCM rate pushAudio() expects and audio_delta carries (24 kHz for OpenAI). */
  readonly sampleRate: number;
  onEvent(listener: (event: RealtimeEvent) => void): () => void;
  /** Caller audio at `sampleRate`; the session resamples from the engine's 16 kHz. */
  pushAudio(samples: Int16Array): void;
  /** Typed user input (the tester's text box). Call createResponse() to have it answered. */
  sendUserText(text: string): void;
  /** Change instructions/tools/voice mid-call (handoff). */
  update(config: Partial<RealtimeSessionConfig>): void;
  /** Return a tool's output; by default also asks for the next response. */
  sendToolResult(callId: string, output: string, options?: { respond?: boolean }): void;
  createResponse(): void;
  /** Interruption: stop the response and cut the assistant item to what the caller heard. */
  interrupt(itemId: string, playedMs: number): void;
  /** Cut the assistant item to what the caller heard (the server already stopped the response). */
  truncate(itemId: string, playedMs: number): void;
  close(): Promise<void>;
}

/** A speech-to-speech model that opens sessions. */
export interface RealtimeModel {
  readonly id: string;
  connect(config: RealtimeSessionConfig, options?: { signal?: AbortSignal }): Promise<RealtimeSession>;
}
