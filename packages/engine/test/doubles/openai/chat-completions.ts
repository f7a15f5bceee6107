import type { ServerResponse } from 'node:http';
import { openAiErrorBody } from './error-body';
import type { RecordedRequest } from './recorded';
import type { ChatReply, ChatStep, ScriptedError, ToolCallDeltaStep } from './script';
import { isFlowStep, ScriptedResponse } from './scripted-response';

interface ChatRequestBody {
  model?: string;
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
}

const SSE_HEADERS = { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' };

let counter = 0;

/** Serves POST /v1/chat/completions: SSE chunks when `stream: true`, one JSON completion otherwise. */
export async function serveChatCompletion(
  res: ServerResponse,
  record: RecordedRequest,
  reply: ChatReply,
  shutdown: AbortSignal,
): Promise<void> {
  const body = (record.body ?? {}) as ChatRequestBody;
  const meta = { id: `chatcmpl-double-${++counter}`, created: Math.floor(Date.now() / 1000), model: body.model ?? '' };
  if (body.stream) await streamChat(res, record, reply, shutdown, meta, body.stream_options?.include_usage === true);
  else await answerChat(res, record, reply, shutdown, meta);
}

type Meta = { id: string; created: number; model: string };

function chunk(meta: Meta, delta: Record<string, unknown>, finishReason: string | null): string {
  return sse({
    ...meta,
    object: 'chat.completion.chunk',
    system_fingerprint: null,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
  });
}

function sse(payload: unknown): string {
  return `data: ${typeof payload === 'string' ? payload : JSON.stringify(payload)}\n\n`;
}

function toolCallDelta(step: ToolCallDeltaStep): Record<string, unknown> {
  const first = step.id !== undefined || step.name !== undefined;
  return {
    index: step.index,
    ...(first ? { id: step.id, type: 'function' } : {}),
    function: {
      ...(step.name === undefined ? {} : { name: step.name }),
      arguments: step.arguments ?? '',
    },
  };
}

function usageOf(reply: ChatReply) {
  const scripted = reply.find((step): step is Extract<ChatStep, { usage: unknown }> => 'usage' in step)?.usage;
  const prompt = scripted?.promptTokens ?? 10;
  const completion = scripted?.completionTokens ?? reply.filter((step) => 'text' in step).length;
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
}

async function streamChat(
  res: ServerResponse,
  record: RecordedRequest,
  reply: ChatReply,
  shutdown: AbortSignal,
  meta: Meta,
  includeUsage: boolean,
): Promise<void> {
  const out = new ScriptedResponse(res, record, shutdown, SSE_HEADERS, (error: ScriptedError) =>
    sse(openAiErrorBody(error)),
  );
  let opened = false;
  const send = (text: string) => {
    // The role chunk opens the stream lazily, so leading flow steps still hold back the headers.
    if (!opened) {
      opened = true;
      send(chunk(meta, { role: 'assistant', content: '' }, null));
    }
    out.write(text, text.slice('data: '.length).trim());
  };
  let finished = false;
  let sawToolCall = false;
  for (const step of reply) {
    if (isFlowStep(step)) {
      if (!(await out.flow(step))) return;
    } else if ('text' in step) send(chunk(meta, { content: step.text }, null));
    else if ('toolCall' in step) {
      sawToolCall = true;
      send(chunk(meta, { tool_calls: [toolCallDelta(step.toolCall)] }, null));
    } else if ('finish' in step) {
      finished = true;
      send(chunk(meta, {}, step.finish));
    }
  }
  if (!finished) send(chunk(meta, {}, sawToolCall ? 'tool_calls' : 'stop'));
  if (includeUsage) send(sse({ ...meta, object: 'chat.completion.chunk', choices: [], usage: usageOf(reply) }));
  send(sse('[DONE]'));
  out.end();
}

async function answerChat(
  res: ServerResponse,
  record: RecordedRequest,
  reply: ChatReply,
  shutdown: AbortSignal,
  meta: Meta,
): Promise<void> {
  const out = new ScriptedResponse(res, record, shutdown, { 'content-type': 'application/json' }, null);
  let content = '';
  let finish: string | null = null;
  const calls = new Map<number, { id: string; type: 'function'; function: { name: string; arguments: string } }>();
  for (const step of reply) {
    if (isFlowStep(step)) {
      if (!(await out.flow(step))) return;
    } else if ('text' in step) content += step.text;
    else if ('toolCall' in step) {
      const call = calls.get(step.toolCall.index) ?? {
        id: '',
        type: 'function',
        function: { name: '', arguments: '' },
      };
      call.id = step.toolCall.id ?? call.id;
      call.function.name += step.toolCall.name ?? '';
      call.function.arguments += step.toolCall.arguments ?? '';
      calls.set(step.toolCall.index, call);
    } else if ('finish' in step) finish = step.finish;
  }
  const toolCalls = [...calls.entries()].sort(([a], [b]) => a - b).map(([, call]) => call);
  const completion = {
    ...meta,
    object: 'chat.completion',
    system_fingerprint: null,
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: toolCalls.length > 0 && !content ? null : content,
          refusal: null,
          ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}),
        },
        logprobs: null,
        finish_reason: finish ?? (toolCalls.length > 0 ? 'tool_calls' : 'stop'),
      },
    ],
    usage: usageOf(reply),
  };
  const text = JSON.stringify(completion);
  out.write(text, text);
  out.end();
}
