import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile } from '../../src/flow';
import type { Resolver } from '../../src/session/tools/address-guard';
import { startTestSession } from '../../src/testing';

let server: Server;
let port = 0;
const seen: { path: string; host?: string }[] = [];

beforeAll(async () => {
  // A service on loopback: what a webhook must not reach unless the workspace allows it.
  server = createServer((req, res) => {
    seen.push({ path: req.url ?? '', host: req.headers.host });
    if (req.url?.startsWith('/to-loopback'))
      return res.writeHead(302, { location: `http://127.0.0.1:${port}/secret` }).end();
    if (req.url?.startsWith('/same-host')) return res.writeHead(307, { location: '/invoice' }).end();
    if (req.url?.startsWith('/huge')) return res.end('x'.repeat(300 * 1024));
    res.end(JSON.stringify({ say: 'Invoice 7 is paid.' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function invoicePlan(url: string) {
  return compile({
    schemaVersion: 1,
    name: 'Billing',
    entryAgentId: 'a',
    agents: [
      {
        id: 'a',
        name: 'Billing',
        tools: [{ type: 'webhook', name: 'lookup_invoice', url, method: 'GET', timeoutMs: 5000 }],
        script: { rules: [{ when: 'invoice', call: { tool: 'lookup_invoice', args: { id: '7' } } }] },
      },
    ],
  });
}

/** Answers with `answers` in turn for invoices.example.com (the last one repeats), counting lookups. */
function scriptedDns(...answers: string[]): Resolver & { lookups: number } {
  const resolve = Object.assign(
    async (host: string) => {
      if (host !== 'invoices.example.com') throw Object.assign(new Error(host), { code: 'ENOTFOUND' });
      const address = answers[Math.min(resolve.lookups++, answers.length - 1)] as string;
      return [{ address, family: 4 as const }];
    },
    { lookups: 0 },
  );
  return resolve;
}

async function askForInvoice(url: string, webhooks: { allowList?: string[]; resolve?: Resolver } = {}) {
  const test = await startTestSession({ plan: invoicePlan(url), webhooks });
  const before = seen.length;
  const result = await test.run({ userInput: 'What about my invoice?' });
  const reached = seen.slice(before);
  // The call goes on: the caller can keep talking after a refused webhook.
  const next = await test.run({ userInput: 'hello again' });
  const stillTalking = !test.session.isEnded && next.events.some((e) => e.type === 'assistant_message');
  await test.close();
  return { result, reached, stillTalking };
}

describe('webhooks behind the address guard, in a running session', () => {
  it('refuses a webhook on a loopback address with a clear tool error, and the call goes on', async () => {
    const { result, reached, stillTalking } = await askForInvoice(`http://127.0.0.1:${port}/invoice`);
    result.expect.containsFunctionCallOutput({
      isError: true,
      output:
        /webhook blocked: lookup_invoice resolves to 127\.0\.0\.1, a loopback address; add it to the workspace allow-list to permit/,
    });
    result.expect.containsMessage({ pattern: /^Sorry, I couldn't get that done/ });
    expect(reached).toEqual([]);
    expect(stillTalking).toBe(true);
  });

  it('refuses a redirect from an allowed host to a loopback address, without following it', async () => {
    const dns = scriptedDns('127.0.0.1');
    const { result, reached, stillTalking } = await askForInvoice(`http://invoices.example.com:${port}/to-loopback`, {
      allowList: ['invoices.example.com'],
      resolve: dns,
    });
    result.expect.containsFunctionCallOutput({
      isError: true,
      output: new RegExp(`webhook blocked: lookup_invoice redirected to another host \\(127\\.0\\.0\\.1:${port}\\)`),
    });
    expect(reached.map((r) => r.path)).toEqual(['/to-loopback?id=7']);
    expect(stillTalking).toBe(true);
  });

  it('checks every hop again: a host whose address turns private between hops is refused', async () => {
    // Allowed by address: 127.0.0.1 is fine, 127.0.0.2 is not; the second lookup rebinds.
    const dns = scriptedDns('127.0.0.1', '127.0.0.2');
    const { result, reached } = await askForInvoice(`http://invoices.example.com:${port}/same-host`, {
      allowList: ['127.0.0.1'],
      resolve: dns,
    });
    result.expect.containsFunctionCallOutput({
      isError: true,
      output: /webhook blocked: lookup_invoice resolves to 127\.0\.0\.2, a loopback address/,
    });
    expect(reached.map((r) => r.path)).toEqual(['/same-host?id=7']);
    expect(dns.lookups).toBe(2);
  });

  it('connects to the address it checked (one lookup per hop) and keeps the host name in the request', async () => {
    const dns = scriptedDns('127.0.0.1');
    const { result, reached } = await askForInvoice(`http://invoices.example.com:${port}/same-host`, {
      allowList: ['127.0.0.0/8'],
      resolve: dns,
    });
    result.expect.containsMessage({ content: 'Invoice 7 is paid.' });
    expect(reached).toEqual([
      { path: '/same-host?id=7', host: `invoices.example.com:${port}` },
      { path: '/invoice', host: `invoices.example.com:${port}` },
    ]);
    expect(dns.lookups).toBe(2);
  });

  it('stops reading an answer larger than 256 KiB', async () => {
    const { result, stillTalking } = await askForInvoice(`http://127.0.0.1:${port}/huge`, { allowList: ['127.0.0.1'] });
    result.expect.containsFunctionCallOutput({
      isError: true,
      output: /webhook failed: lookup_invoice answered with more than 256 KiB/,
    });
    expect(stillTalking).toBe(true);
  });
});
