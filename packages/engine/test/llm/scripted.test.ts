import { describe, expect, it } from 'vitest';
import { createScriptedLlm } from '../../src/providers/llm/scripted';
import type { LlmChunk } from '../../src/providers/llm/types';
import { createLlm, createTts, ProviderSetupError } from '../../src/providers/registry';
import { threeAgentFlow } from '../session/flows';

const plan = threeAgentFlow();
const reception = plan.agents.reception;
if (!reception) throw new Error('the three-agent flow has no reception agent');

async function collect(stream: AsyncIterable<LlmChunk>): Promise<LlmChunk[]> {
  const out: LlmChunk[] = [];
  for await (const chunk of stream) out.push(chunk);
  return out;
}

describe('scripted LLM', () => {
  const llm = createScriptedLlm({ agent: reception, variables: () => ({ customer_name: 'Ada' }) });

  it('streams the matching rule word by word and fills named groups into arguments', async () => {
    const chunks = await collect(llm.chat({ messages: [{ role: 'user', content: 'MY NAME IS Bo' }], tools: [] }));
    const text = chunks.filter((c) => c.type === 'text');
    expect(text.length).toBe(5);
    expect(text.map((c) => (c.type === 'text' ? c.delta : '')).join('')).toBe('Nice to meet you, Bo.');
    expect(chunks.at(-1)).toEqual({
      type: 'tool_call',
      call: { id: 'call_reception_1', name: 'set_variable', arguments: '{"name":"customer_name","value":"Bo"}' },
    });
  });

  it('calls the handoff whose words the caller used, else echoes', async () => {
    const handoff = await collect(llm.chat({ messages: [{ role: 'user', content: 'a refund please' }], tools: [] }));
    expect(handoff[0]).toMatchObject({ type: 'tool_call', call: { name: 'transfer_to_billing' } });
    const echo = await collect(llm.chat({ messages: [{ role: 'user', content: 'purple monkeys' }], tools: [] }));
    expect(echo.map((c) => (c.type === 'text' ? c.delta : '')).join('')).toBe('You said: purple monkeys.');
  });

  it('acknowledges tool results, apologising for errors without reading out their details', async () => {
    const chunks = await collect(
      llm.chat({
        messages: [
          { role: 'user', content: 'x' },
          { role: 'tool', toolCallId: 'c', content: '{"error":"boom"}' },
        ],
        tools: [],
      }),
    );
    expect(chunks.map((c) => (c.type === 'text' ? c.delta : '')).join('')).toBe(
      "Sorry, I couldn't get that done just now.",
    );
  });
});

describe('provider registry', () => {
  it('builds offline defaults without keys', () => {
    expect(createLlm({ provider: 'scripted' }, { agent: reception, secrets: {} }).id).toBe('scripted');
    expect(createTts({ provider: 'espeak' }, { agent: reception, secrets: {} }).id).toBe('espeak');
  });

  it('names the missing key', () => {
    expect(() => createLlm({ provider: 'openai' }, { agent: reception, secrets: {} })).toThrow(ProviderSetupError);
    expect(() => createLlm({ provider: 'openai' }, { agent: reception, secrets: {} })).toThrow(
      /OPENAI_API_KEY is not set: the flow's LLM is openai\. Add OPENAI_API_KEY as a workspace secret .*PARLEY_ENV_KEYS_WORKSPACES/,
    );
    expect(() => createLlm({ provider: 'nope' }, { agent: reception, secrets: {} })).toThrow(
      /Unknown LLM provider "nope"/,
    );
  });
});
