import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile } from '../../src/flow';
import { startTestSession } from '../../src/testing';
import { startOpenAiDouble, textReply, toolCallsReply } from '../doubles/openai';

let server: Server;
let base = '';
const seen: { path: string; auth?: string; body: string }[] = [];

beforeAll(async () => {
  // The user's own webhook: a third party, so a local HTTP server stands in for it.
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      seen.push({ path: req.url ?? '', auth: req.headers.authorization, body });
      if (req.url?.startsWith('/ok')) return res.end(JSON.stringify({ say: 'Your order ships tomorrow.' }));
      if (req.url?.startsWith('/fail')) return res.writeHead(500).end('database down');
      // /slow never answers in time
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

// The stand-in webhook listens on loopback, which webhooks may reach only when allow-listed.
const webhooks = { allowList: ['127.0.0.1'] };

function webhookPlan(path: string, extra: Record<string, unknown> = {}) {
  return compile({
    schemaVersion: 1,
    name: 'Orders',
    entryAgentId: 'a',
    agents: [
      {
        id: 'a',
        name: 'Orders',
        tools: [
          {
            type: 'webhook',
            name: 'order_status',
            url: `${base}${path}`,
            timeoutMs: 300,
            headers: [{ name: 'authorization', secret: 'ORDERS_TOKEN' }],
            ...extra,
          },
        ],
        script: { rules: [{ when: 'order', call: { tool: 'order_status', args: { id: '42' } } }] },
      },
    ],
  });
}

describe('webhook tools', () => {
  it('calls the webhook with the secret header and speaks its answer', async () => {
    const test = await startTestSession({
      plan: webhookPlan('/ok'),
      secrets: { ORDERS_TOKEN: 'Bearer t0k' },
      webhooks,
    });
    const result = await test.run({ userInput: 'Where is my order?' });
    result.expect.nextEvent().isFunctionCall({ name: 'order_status', arguments: { id: '42' } });
    result.expect.nextEvent().isFunctionCallOutput({ isError: false, output: /ships tomorrow/ });
    result.expect.nextEvent().isMessage({ role: 'assistant', content: 'Your order ships tomorrow.' });
    expect(seen.at(-1)).toMatchObject({ path: '/ok', auth: 'Bearer t0k', body: '{"id":"42"}' });
    await test.close();
  });

  it('returns an HTTP failure to the LLM as a tool error and the call goes on', async () => {
    const test = await startTestSession({ plan: webhookPlan('/fail'), secrets: { ORDERS_TOKEN: 'x' }, webhooks });
    const result = await test.run({ userInput: 'order please' });
    result.expect
      .skipNext()
      .nextEvent()
      .isFunctionCallOutput({ isError: true, output: /HTTP 500: database down/ });
    result.expect.nextEvent().isMessage({ pattern: /^Sorry, I couldn't get that done/ });
    expect(test.session.isEnded).toBe(false);
    await test.close();
  });

  it('times out a slow webhook', async () => {
    const test = await startTestSession({ plan: webhookPlan('/slow'), secrets: { ORDERS_TOKEN: 'x' }, webhooks });
    const result = await test.run({ userInput: 'order please' });
    result.expect.containsFunctionCallOutput({ isError: true, output: /timed out after 300 ms/ });
    await test.close();
  });

  it('treats a missing secret as a tool error', async () => {
    const test = await startTestSession({ plan: webhookPlan('/ok'), webhooks });
    const result = await test.run({ userInput: 'order please' });
    result.expect.containsFunctionCallOutput({ isError: true, output: /secret ORDERS_TOKEN is not set/ });
    await test.close();
  });
});

function openAiPlan(maxToolSteps = 3) {
  return compile({
    schemaVersion: 1,
    name: 'Loop',
    entryAgentId: 'a',
    settings: { turnHandling: { maxToolSteps }, providers: { llm: { provider: 'openai', model: 'gpt-test' } } },
    agents: [{ id: 'a', name: 'Looper', tools: [{ type: 'end_call' }] }],
    variables: [{ name: 'n', type: 'number' }],
  });
}

describe('LLM rounds with the OpenAI client against its wire-protocol double', () => {
  it('bounds tool rounds by maxToolSteps; the last round gets no tools', async () => {
    const call = (i: number) =>
      toolCallsReply([{ id: `c${i}`, name: 'set_variable', arguments: `{"name":"n","value":${i}}` }]);
    const double = await startOpenAiDouble({ chat: [call(1), call(2), textReply('Done ', 'counting.')] });
    const test = await startTestSession({
      plan: openAiPlan(2),
      secrets: { OPENAI_API_KEY: double.apiKey },
      baseUrls: { openai: double.baseUrl },
    });
    const result = await test.run({ userInput: 'count' });
    expect(result.events.filter((e) => e.type === 'tool_call')).toHaveLength(2);
    const bodies = double.requests.map((r) => r.body as { tools?: unknown[] });
    expect(bodies).toHaveLength(3);
    expect(bodies[2]?.tools ?? []).toHaveLength(0);
    result.expect.containsMessage({ content: 'Done counting.' });
    await test.close();
    await double.close();
  });

  it('retries a retryable failure once, then reports an error and apologizes', async () => {
    const fail = [{ error: { status: 503 } }];
    const double = await startOpenAiDouble({ chat: [fail, textReply('Recovered ', 'fine.'), fail, fail] });
    const test = await startTestSession({
      plan: openAiPlan(),
      secrets: { OPENAI_API_KEY: double.apiKey },
      baseUrls: { openai: double.baseUrl },
    });
    const first = await test.run({ userInput: 'hello' });
    first.expect.nextEvent().isMessage({ content: 'Recovered fine.' });
    expect(first.events.some((e) => e.type === 'error')).toBe(false);

    const second = await test.run({ userInput: 'again' });
    expect(second.events.find((e) => e.type === 'error')).toMatchObject({
      source: 'llm',
      code: 'server',
      recoverable: true,
    });
    second.expect.containsMessage({ pattern: /trouble/ });
    expect(double.requests.filter((r) => r.path.endsWith('/chat/completions'))).toHaveLength(4);
    expect(test.session.isEnded).toBe(false);
    await test.close();
    await double.close();
  });
});
