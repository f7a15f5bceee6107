import type OpenAI from 'openai';
import {
  type ProviderErrorContext,
  providerErrorFrom,
  providerNetworkError,
  providerTimeoutError,
} from '../http-errors';
import { startIdleDeadline } from '../idle-deadline';
import { OPENAI_DEFAULT_TIMEOUT_MS, type OpenAiEndpoint, openAiErrorContext, openAiSdkClient } from '../openai-client';
import { toOpenAiMessages, toOpenAiTools } from './openai-messages';
import { ToolCallAccumulator } from './openai-tool-calls';
import type { Llm, LlmChunk, LlmRequest } from './types';

export interface OpenAiLlmOptions extends OpenAiEndpoint {
  model: string;
  temperature?: number;
}

interface ChatContext {
  client: () => Promise<OpenAI>;
  errors: ProviderErrorContext;
  options: OpenAiLlmOptions;
  timeoutMs: number;
}

/** An Llm over any OpenAI-compatible Chat Completions endpoint, streaming. */
export function createOpenAiLlm(options: OpenAiLlmOptions): Llm {
  const context: ChatContext = {
    client: openAiSdkClient(options),
    errors: openAiErrorContext(options),
    options,
    timeoutMs: options.timeoutMs ?? OPENAI_DEFAULT_TIMEOUT_MS,
  };
  return { id: 'openai', chat: (request) => streamChat(context, request) };
}

async function* streamChat(context: ChatContext, request: LlmRequest): AsyncGenerator<LlmChunk> {
  const { client, errors, options, timeoutMs } = context;
  if (request.signal?.aborted) return;
  const sdk = await client();
  // timeoutMs bounds the wait for the first byte and every silence between chunks.
  const deadline = startIdleDeadline(timeoutMs, request.signal);
  const calls = new ToolCallAccumulator();
  let finished = false;
  try {
    const stream = await sdk.chat.completions.create(
      {
        model: options.model,
        messages: toOpenAiMessages(request.messages),
        ...(request.tools.length > 0 ? { tools: toOpenAiTools(request.tools) } : {}),
        ...(options.temperature === undefined ? {} : { temperature: options.temperature }),
        stream: true,
        stream_options: { include_usage: true },
      },
      { signal: deadline.signal },
    );
    for await (const chunk of stream) {
      deadline.touch();
      for (const choice of chunk.choices ?? []) {
        if (choice.index !== 0) continue;
        if (choice.delta?.content) yield { type: 'text', delta: choice.delta.content };
        for (const delta of choice.delta?.tool_calls ?? []) calls.push(delta);
        if (choice.finish_reason) {
          finished = true;
          for (const call of calls.flush()) yield { type: 'tool_call', call };
        }
      }
      if (chunk.usage) {
        yield {
          type: 'usage',
          promptTokens: chunk.usage.prompt_tokens,
          completionTokens: chunk.usage.completion_tokens,
        };
      }
    }
  } catch (err) {
    // The caller's abort is a normal end; the SDK reports it as an error before headers.
    if (request.signal?.aborted) return;
    throw deadline.expired ? providerTimeoutError(errors, timeoutMs) : providerErrorFrom(errors, err, timeoutMs);
  } finally {
    deadline.dispose();
  }
  // The SDK ends quietly when its signal aborts mid-stream, so say why here.
  if (request.signal?.aborted) return;
  if (deadline.expired) throw providerTimeoutError(errors, timeoutMs);
  if (!finished) throw providerNetworkError(errors, 'the stream ended before the model finished its answer');
}
