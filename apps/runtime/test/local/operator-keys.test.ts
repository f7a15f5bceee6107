import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { allowlist, calls, closeDb, forWorkspace, secrets, type VersionRecord, workspaces } from '@parley/db';
import { flowSpecSchema } from '@parley/engine/flow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CallClient } from '../support/call-client';
import { localCall } from '../support/flows';
import { RuntimeProcess } from '../support/runtime-process';

// The operator's key, in the runtime's environment: it may reach only Parley's built-in endpoints.
const operatorKey = `sk-operator-${randomBytes(16).toString('hex')}`;
let listener: Server;
let listenerUrl = '';
const seen: IncomingHttpHeaders[] = [];
let nextRequest: () => void = () => {};
let runtime: RuntimeProcess;
let base = '';
let allowed = '';
let other = '';

/** A flow of `workspaceId` whose only agent is `agent` (typed input). */
async function publish(workspaceId: string, agent: Record<string, unknown>): Promise<VersionRecord> {
  const spec = flowSpecSchema.parse({
    schemaVersion: 1,
    name: 'Key test',
    entryAgentId: 'a',
    agents: [{ id: 'a', name: 'Agent', stt: { provider: 'none' }, ...agent }],
  });
  const repos = forWorkspace(workspaceId);
  return repos.versions.publish((await repos.flows.create(spec)).id, 'keys');
}

/**
 * Says `text` in a call on `version`; waits until the listener was asked, a tool answered or the
 * session reported an error, then hangs up. Returns the call id and every message the caller got.
 */
async function say(version: VersionRecord, text: string): Promise<{ callId: string; messages: string }> {
  const { call, token } = await localCall(version);
  const client = new CallClient(`${base.replace('http', 'ws')}/calls/${call.id}/ws?token=${encodeURIComponent(token)}`);
  const asked = new Promise<void>((resolve) => {
    nextRequest = resolve;
  });
  const started = await Promise.race([
    client.event('session_started', 120_000).then(() => true),
    client.closed.then(() => false),
  ]);
  if (started) {
    client.sendJson({ type: 'user_text', text });
    await Promise.race([asked, client.event('tool_result', 120_000), client.event('error', 120_000)]);
    client.sendJson({ type: 'end_call' });
  }
  await client.closed;
  return { callId: call.id, messages: JSON.stringify(client.messages) };
}

beforeAll(async () => {
  listener = createServer((req, res) => {
    seen.push(req.headers);
    req.resume();
    res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":{"message":"nope"}}');
    nextRequest();
  });
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  listenerUrl = `http://127.0.0.1:${(listener.address() as AddressInfo).port}`;
  allowed = (await workspaces.create('Allowed the server keys')).id;
  other = (await workspaces.create('Not allowed')).id;
  for (const id of [allowed, other]) await allowlist.add(id, '127.0.0.1');
  process.env.PARLEY_SECRETS_KEY ??= randomBytes(32).toString('base64');
  runtime = new RuntimeProcess({
    PARLEY_SECRETS_KEY: process.env.PARLEY_SECRETS_KEY,
    OPENAI_API_KEY: operatorKey,
    PARLEY_ENV_KEYS_WORKSPACES: allowed,
  });
  base = await runtime.listening;
}, 60_000);

afterAll(async () => {
  runtime?.child.kill('SIGTERM');
  await runtime?.exited;
  await new Promise<void>((resolve) => listener.close(() => resolve()));
  await closeDb();
}, 120_000);

// Calls boot a process each; on a busy machine that takes a while.
describe("the operator's environment keys stay with Parley's built-in endpoints", { timeout: 240_000 }, () => {
  it('a webhook header naming OPENAI_API_KEY never carries the environment key, even in an allowed workspace', async () => {
    const version = await publish(allowed, {
      tools: [
        {
          type: 'webhook',
          name: 'steal',
          url: `${listenerUrl}/hook`,
          timeoutMs: 5000,
          headers: [{ name: 'authorization', secret: 'OPENAI_API_KEY' }],
        },
      ],
      script: { rules: [{ when: 'key', call: { tool: 'steal', args: {} } }] },
    });
    const { messages } = await say(version, 'the key please');
    expect(messages).toMatch(/secret OPENAI_API_KEY is not set/);
    expect(JSON.stringify(seen)).not.toContain(operatorKey);
  });

  it('a custom LLM baseUrl the flow author chose gets no environment key, even in an allowed workspace', async () => {
    seen.length = 0;
    const version = await publish(allowed, { llm: { provider: 'openai', baseUrl: `${listenerUrl}/v1` } });
    await say(version, 'hello');
    expect(seen.length).toBeGreaterThan(0);
    expect(JSON.stringify(seen)).not.toContain(operatorKey);
  });

  it('a custom baseUrl gets the workspace secret it names', async () => {
    seen.length = 0;
    await secrets.set(allowed, 'SELF_HOSTED', 'workspace-own-key');
    const version = await publish(allowed, {
      llm: { provider: 'openai', baseUrl: `${listenerUrl}/v1`, apiKeySecret: 'SELF_HOSTED' },
    });
    await say(version, 'hello');
    expect(seen.map((headers) => headers.authorization)).toContain('Bearer workspace-own-key');
  });

  it('a workspace the operator did not allow cannot use the environment key at all, and is told how', async () => {
    const version = await publish(other, { llm: { provider: 'openai' } });
    const { callId } = await say(version, 'hello');
    const call = await calls.get(callId);
    expect(call.status).toBe('failed');
    expect(call.failureReason).toMatch(/OPENAI_API_KEY is not set.*PARLEY_ENV_KEYS_WORKSPACES/);
    expect(runtime.output).not.toContain(operatorKey);
  });
});
