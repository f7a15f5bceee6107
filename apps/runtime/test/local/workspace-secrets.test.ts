import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { allowlist, closeDb, forWorkspace, secrets, type VersionRecord, workspaces } from '@parley/db';
import { flowSpecSchema } from '@parley/engine/flow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CallClient } from '../support/call-client';
import { localCall } from '../support/flows';
import { RuntimeProcess } from '../support/runtime-process';

const secretValue = `Bearer sk-${randomBytes(16).toString('hex')}`;
let hook: Server;
let hookUrl = '';
const seenAuth: (string | undefined)[] = [];
let runtime: RuntimeProcess;
let base = '';

/** A flow of `workspaceId` whose agent calls the loopback webhook with the BILLING_TOKEN secret. */
async function publishBilling(workspaceId: string): Promise<VersionRecord> {
  const repos = forWorkspace(workspaceId);
  const spec = flowSpecSchema.parse({
    schemaVersion: 1,
    name: 'Billing hook',
    entryAgentId: 'a',
    agents: [
      {
        id: 'a',
        name: 'Billing',
        stt: { provider: 'none' },
        tools: [
          {
            type: 'webhook',
            name: 'lookup_invoice',
            url: hookUrl,
            timeoutMs: 5000,
            headers: [{ name: 'authorization', secret: 'BILLING_TOKEN' }],
          },
        ],
        script: { rules: [{ when: 'invoice', call: { tool: 'lookup_invoice', args: { id: '7' } } }] },
      },
    ],
  });
  const flow = await repos.flows.create(spec);
  return repos.versions.publish(flow.id, 'secrets test');
}

async function askForInvoice(version: VersionRecord): Promise<string> {
  const { call, token } = await localCall(version);
  const url = `${base.replace('http', 'ws')}/calls/${call.id}/ws?token=${encodeURIComponent(token)}`;
  const client = new CallClient(url);
  await client.event('session_started');
  client.sendJson({ type: 'user_text', text: 'What about my invoice?' });
  const result = await client.event('tool_result');
  client.sendJson({ type: 'end_call' });
  await client.closed;
  return JSON.stringify(result);
}

beforeAll(async () => {
  hook = createServer((req, res) => {
    seenAuth.push(req.headers.authorization);
    res.end(JSON.stringify({ say: 'Invoice 7 is paid.' }));
  });
  await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
  hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/invoice`;
  // The runtime process decrypts with the same key the test encrypts with.
  process.env.PARLEY_SECRETS_KEY ??= randomBytes(32).toString('base64');
  runtime = new RuntimeProcess({ PARLEY_SECRETS_KEY: process.env.PARLEY_SECRETS_KEY });
  base = await runtime.listening;
}, 60_000);

afterAll(async () => {
  runtime?.child.kill('SIGTERM');
  await runtime?.exited;
  await new Promise<void>((resolve) => hook.close(() => resolve()));
  await closeDb();
});

describe("a call gets its workspace's secrets and webhook allow-list", () => {
  it('refuses the loopback webhook until the workspace allow-lists it, then sends the secret; never logs it', async () => {
    const workspace = await workspaces.create('Secrets at work');
    await secrets.set(workspace.id, 'BILLING_TOKEN', secretValue);
    const version = await publishBilling(workspace.id);

    const refused = await askForInvoice(version);
    expect(refused).toMatch(/webhook blocked: lookup_invoice resolves to 127\.0\.0\.1, a loopback address/);
    expect(seenAuth).toEqual([]);

    await allowlist.add(workspace.id, '127.0.0.1');
    const answered = await askForInvoice(version);
    expect(answered).toMatch(/Invoice 7 is paid/);
    expect(seenAuth).toEqual([secretValue]);

    // Another workspace's call does not get this workspace's secret.
    const other = await workspaces.create('No secrets');
    await allowlist.add(other.id, '127.0.0.1');
    expect(await askForInvoice(await publishBilling(other.id))).toMatch(/secret BILLING_TOKEN is not set/);

    expect(runtime.output.length).toBeGreaterThan(0);
    expect(runtime.output).not.toContain(secretValue);
    expect(runtime.output).not.toContain(secretValue.slice('Bearer '.length));
  });
});
