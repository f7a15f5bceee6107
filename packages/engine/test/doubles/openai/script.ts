/**
 * How a test scripts the OpenAI double. Each HTTP reply is a list of steps played in order;
 * flow steps (delay, waitFor, drop, error) work in every reply, data steps are per endpoint.
 */

/** An error answer shaped like OpenAI's `{ error: { message, type, param, code } }` body. */
export interface ScriptedError {
  status: number;
  message?: string;
  type?: string;
  code?: string | null;
  /** Sent as the `retry-after` header. */
  retryAfterSeconds?: number;
}

export type FlowStep =
  /** Wait before the next step (before the first data, this delays the response headers). */
  | { delayMs: number }
  /** Hold the reply until the test settles this (e.g. "the client has read the first delta"). */
  | { waitFor: PromiseLike<unknown> }
  /** Destroy the TCP socket here, mid-response if data was already sent. */
  | { drop: true }
  /** Before any data: an HTTP error response. After data (streams): an in-stream error event. */
  | { error: ScriptedError };

/** One raw `tool_calls[]` delta: the first for an index carries id and name, later ones argument text. */
export interface ToolCallDeltaStep {
  index: number;
  id?: string;
  name?: string;
  arguments?: string;
}

export type ChatStep =
  | FlowStep
  | { text: string }
  | { toolCall: ToolCallDeltaStep }
  /** Sent automatically at the end ('stop', or 'tool_calls' after tool calls) unless scripted. */
  | { finish: 'stop' | 'tool_calls' | 'length' }
  | { usage: { promptTokens: number; completionTokens: number } };

export type TranscriptionStep = FlowStep | { text: string };

export type SpeechStep = FlowStep | { bytes: Uint8Array };

export type ChatReply = ChatStep[];
export type TranscriptionReply = TranscriptionStep[];
export type SpeechReply = SpeechStep[];
