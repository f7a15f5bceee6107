import type { JsonSchemaObject } from '../../flow/plan';

export interface ToolCallRequest {
  id: string;
  name: string;
  /** JSON text of the arguments, as the model produced it. */
  arguments: string;
}

export type ChatMessage =
  | { role: 'system'; content: string }
  | { role: 'user'; content: string }
  | { role: 'assistant'; content: string; toolCalls?: ToolCallRequest[] }
  | { role: 'tool'; toolCallId: string; content: string };

export interface ToolDefinition {
  name: string;
  description: string;
  parameters: JsonSchemaObject;
}

export interface LlmRequest {
  messages: ChatMessage[];
  tools: ToolDefinition[];
  signal?: AbortSignal;
}

export type LlmChunk =
  | { type: 'text'; delta: string }
  | { type: 'tool_call'; call: ToolCallRequest }
  | { type: 'usage'; promptTokens: number; completionTokens: number };

/** A chat model that streams text deltas and complete tool calls. */
export interface Llm {
  readonly id: string;
  chat(request: LlmRequest): AsyncIterable<LlmChunk>;
}
