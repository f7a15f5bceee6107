import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProviderError } from '../../../src/providers/errors';
import { createOpenAiLlm } from '../../../src/providers/llm/openai';
import type { LlmRequest } from '../../../src/providers/llm/types';
import { type OpenAiDouble, startOpenAiDouble, textReply } from '../../doubles/openai';
import { caught, collect, deferred } from './helpers';

const ask: LlmRequest = { messages: [{ role: 'user', content: 'hi' }], tools: [] };

describe('OpenAI-compatible LLM failures', () => {
  let double: OpenAiDouble;
  beforeEach(async () => {
    double = await startOpenAiDouble();
  });
  afterEach(() => double.close());

  const llm = (overrides: { apiKey?: string; timeoutMs?: number; baseUrl?: string } = {}) =>
    createOpenAiLlm({ apiKey: double.apiKey, baseUrl: double.baseUrl, model: 'gpt-test', ...overrides });

  it('a wrong key is an auth error that names the variable and never the key', async () => {
    const wrongKey = 'sk-proj-WRONGwrongWRONG1234';
    const error = await caught(() => collect(llm({ apiKey: wrongKey }).chat(ask)));
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ kind: 'auth', status: 401, retryable: false });
    expect((error as Error).message).toContain('OPENAI_API_KEY');
    expect((error as Error).message).not.toContain('WRONGwrongWRONG');
  });

  it('429 is a retryable rate limit that says when to retry', async () => {
    double.replies.chat.push([{ error: { status: 429, retryAfterSeconds: 7 } }]);
    const error = await caught(() => collect(llm().chat(ask)));
    expect(error).toMatchObject({ kind: 'rate_limit', status: 429, retryable: true });
    expect((error as Error).message).toContain('Retry after 7 s');
  });

  it('500 is a retryable server error', async () => {
    double.replies.chat.push([{ error: { status: 500 } }]);
    await expect(collect(llm().chat(ask))).rejects.toMatchObject({ kind: 'server', status: 500, retryable: true });
  });

  it('404 (unknown model) is a bad request that points at the model and base URL', async () => {
    double.replies.chat.push([
      { error: { status: 404, message: 'The model `gpt-nope` does not exist', code: 'model_not_found' } },
    ]);
    const error = await caught(() => collect(llm().chat(ask)));
    expect(error).toMatchObject({ kind: 'bad_request', retryable: false });
    expect((error as Error).message).toContain('gpt-nope');
  });

  it('no response headers within timeoutMs is a timeout', async () => {
    double.replies.chat.push([{ delayMs: 10_000 }, ...textReply('late')]);
    await expect(collect(llm({ timeoutMs: 150 }).chat(ask))).rejects.toMatchObject({
      kind: 'timeout',
      retryable: true,
    });
  });

  it('a stream that stalls for longer than timeoutMs is a timeout', async () => {
    double.replies.chat.push([{ text: 'Hel' }, { delayMs: 10_000 }, { text: 'lo' }]);
    const seen: string[] = [];
    const error = await caught(async () => {
      for await (const chunk of llm({ timeoutMs: 150 }).chat(ask)) if (chunk.type === 'text') seen.push(chunk.delta);
    });
    expect(seen).toEqual(['Hel']);
    expect(error).toMatchObject({ kind: 'timeout' });
  });

  it('a socket dropped mid-stream is a retryable network error, after the text already streamed', async () => {
    // Drop once the client holds the first delta (fetch discards bytes still queued when a socket fails).
    const firstRead = deferred();
    double.replies.chat.push([{ text: 'Hel' }, { waitFor: firstRead.promise }, { drop: true }]);
    const seen: string[] = [];
    const error = await caught(async () => {
      for await (const chunk of llm().chat(ask)) {
        if (chunk.type === 'text') seen.push(chunk.delta);
        firstRead.resolve();
      }
    });
    expect(seen).toEqual(['Hel']);
    expect(error).toMatchObject({ kind: 'network', retryable: true });
  });

  it('an error event inside the stream is a server error', async () => {
    double.replies.chat.push([{ text: 'Hel' }, { error: { status: 500, message: 'overloaded' } }]);
    const error = await caught(() => collect(llm().chat(ask)));
    expect(error).toMatchObject({ kind: 'server' });
    expect((error as Error).message).toContain('overloaded');
  });

  it('an unreachable server is a network error', async () => {
    const gone = await startOpenAiDouble();
    await gone.close();
    await expect(collect(llm({ baseUrl: gone.baseUrl }).chat(ask))).rejects.toMatchObject({ kind: 'network' });
  });

  it('aborting stops the stream and closes the request', async () => {
    const released = deferred();
    double.replies.chat.push([{ text: 'one' }, { waitFor: released.promise }, { text: 'two' }, { text: 'three' }]);
    const abort = new AbortController();
    const seen: string[] = [];
    for await (const chunk of llm().chat({ ...ask, signal: abort.signal })) {
      if (chunk.type !== 'text') continue;
      seen.push(chunk.delta);
      abort.abort();
    }
    const request = double.requests[0];
    // The connection closes while the double is still paused mid-answer: the client hung up.
    await request?.closed;
    expect(request?.completed).toBe(false);
    released.resolve();
    expect(seen).toEqual(['one']);
  });

  it('an already aborted request sends nothing', async () => {
    const abort = new AbortController();
    abort.abort();
    expect(await collect(llm().chat({ ...ask, signal: abort.signal }))).toEqual([]);
    expect(double.requests).toEqual([]);
  });
});
