import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLlm, createStt, createTts, type ProviderContext } from '../../src/providers/registry';
import type { SttEvent } from '../../src/providers/stt/types';
import { WebhookAllowList } from '../../src/session/tools/allow-list';
import { type OpenAiDouble, pcmSpeechReply, startOpenAiDouble, textReply } from '../doubles/openai';
import { threeAgentFlow } from '../session/flows';
import { EventLog } from './openai/helpers';

const reception = threeAgentFlow().agents.reception;
if (!reception) throw new Error('the three-agent flow has no reception agent');
const agent = reception;
const operatorKey = 'sk-operator-0123456789abcdef';
const workspaceKey = 'sk-workspace-fedcba9876543210';
const loopback = { allowList: new WebhookAllowList(['127.0.0.1']) };

async function drain<T>(stream: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const chunk of stream) out.push(chunk);
  return out;
}

// A listener the flow author chose: it records every request's headers and answers nothing useful.
let listener: Server;
let listenerUrl = '';
const seen: IncomingHttpHeaders[] = [];
beforeAll(async () => {
  listener = createServer((req, res) => {
    seen.push(req.headers);
    req.resume();
    res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":{"message":"no"}}');
  });
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  listenerUrl = `http://127.0.0.1:${(listener.address() as AddressInfo).port}/v1`;
});
afterAll(() => new Promise<void>((resolve) => listener.close(() => resolve())));
beforeEach(() => {
  seen.length = 0;
});

describe("a custom base URL never gets the operator's keys", () => {
  const context: ProviderContext = {
    agent,
    secrets: {},
    providerKeys: { OPENAI_API_KEY: operatorKey },
    customEndpoints: loopback,
  };

  it('sends the LLM and TTS requests to the chosen listener without the environment key', async () => {
    const llm = createLlm({ provider: 'openai', baseUrl: listenerUrl }, context);
    await expect(drain(llm.chat({ messages: [], tools: [] }))).rejects.toThrow();
    const tts = createTts({ provider: 'openai', baseUrl: listenerUrl }, context);
    await expect(drain(tts.synthesize('Hello.'))).rejects.toThrow();
    expect(seen).toHaveLength(2);
    expect(JSON.stringify(seen)).not.toContain(operatorKey);
    expect(seen.map((h) => h.authorization)).toEqual(['Bearer none', 'Bearer none']);
  });

  it('goes through the address guard: a loopback listener the workspace did not allow is never reached', async () => {
    const guarded = { ...context, customEndpoints: { allowList: new WebhookAllowList() } };
    const error = await drain(
      createLlm({ provider: 'openai', baseUrl: listenerUrl }, guarded).chat({ messages: [], tools: [] }),
    ).catch((e: unknown) => e);
    expect(String((error as Error).message)).toMatch(/Lost the connection to OpenAI/);
    expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).not.toContain(operatorKey);
    // No custom-endpoint guard given at all: the default is the empty allow-list, not "anything".
    const bare = { agent, secrets: {}, providerKeys: { OPENAI_API_KEY: operatorKey } };
    await expect(
      drain(createLlm({ provider: 'openai', baseUrl: listenerUrl }, bare).chat({ messages: [], tools: [] })),
    ).rejects.toThrow();
    expect(seen).toEqual([]);
  });

  it('sends only the workspace secret apiKeySecret names, and refuses a missing one', async () => {
    const withSecret = { ...context, secrets: { SELF_HOSTED_KEY: workspaceKey } };
    await expect(
      drain(
        createLlm({ provider: 'openai', baseUrl: listenerUrl, apiKeySecret: 'SELF_HOSTED_KEY' }, withSecret).chat({
          messages: [],
          tools: [],
        }),
      ),
    ).rejects.toThrow();
    expect(seen.map((h) => h.authorization)).toEqual([`Bearer ${workspaceKey}`]);
    // Naming the operator's key as "the workspace secret" does not reach it.
    expect(() =>
      createLlm({ provider: 'openai', baseUrl: listenerUrl, apiKeySecret: 'OPENAI_API_KEY' }, context),
    ).toThrow(/secret OPENAI_API_KEY is not set in this workspace/);
  });
});

describe('OpenAI-compatible STT and TTS on a self-hosted base URL', () => {
  let double: OpenAiDouble;
  beforeEach(async () => {
    double = await startOpenAiDouble({ apiKey: workspaceKey });
  });
  afterEach(() => double.close());

  const context = (): ProviderContext => ({
    agent,
    secrets: { WHISPER_KEY: workspaceKey },
    providerKeys: { OPENAI_API_KEY: operatorKey },
    customEndpoints: loopback,
  });

  it('transcribes and speaks through the self-hosted server with the workspace key', async () => {
    double.replies.transcription.push([{ text: 'hello there' }]);
    const stt = createStt({ provider: 'openai', baseUrl: double.baseUrl, apiKeySecret: 'WHISPER_KEY' }, context());
    const stream = stt?.stream({ language: 'en-US' });
    const events = new EventLog<SttEvent>();
    stream?.onEvent(events.push);
    stream?.pushAudio(Int16Array.from({ length: 1600 }, (_, i) => (i % 50) * 100));
    stream?.endOfSpeech();
    expect(await events.next('final')).toMatchObject({ text: 'hello there' });
    await stream?.close();

    const tone = Int16Array.from({ length: 2400 }, (_, i) => Math.round(Math.sin(i / 7) * 20000));
    double.replies.speech.push(pcmSpeechReply(tone, 512));
    const tts = createTts({ provider: 'openai', baseUrl: double.baseUrl, apiKeySecret: 'WHISPER_KEY' }, context());
    let samples = 0;
    for await (const chunk of tts.synthesize('Hello.')) samples += chunk.length;
    expect(samples).toBe(tone.length);

    expect(double.requests.map((r) => r.path)).toEqual(['/v1/audio/transcriptions', '/v1/audio/speech']);
    expect(JSON.stringify(double.requests.map((r) => r.headers))).not.toContain(operatorKey);
  });

  it('sends the operator key only to the built-in endpoint', async () => {
    const builtIn = await startOpenAiDouble({ apiKey: operatorKey });
    try {
      builtIn.replies.chat.push(textReply('hi'));
      const llm = createLlm({ provider: 'openai' }, { ...context(), baseUrls: { openai: builtIn.baseUrl } });
      expect(await drain(llm.chat({ messages: [{ role: 'user', content: 'hi' }], tools: [] }))).toContainEqual({
        type: 'text',
        delta: 'hi',
      });
      // The built-in endpoint is Parley's, not the flow author's: it is not address-guarded.
      expect(builtIn.requests[0]?.headers.authorization).toBe(`Bearer ${operatorKey}`);
    } finally {
      await builtIn.close();
    }
  });
});
