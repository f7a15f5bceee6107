import { describe, expect, it } from 'vitest';
import { checkWebhookHost, type ResolvedAddress, type Resolver } from '../../src/session/tools/address-guard';
import { nonPublicKind } from '../../src/session/tools/address-ranges';
import { parseAllowEntry, WebhookAllowList } from '../../src/session/tools/allow-list';

// DNS is not ours to run in a test: a table of answers stands in for it.
function resolverOf(table: Record<string, string[]>): Resolver {
  return async (host) => {
    const found = table[host];
    if (!found) throw Object.assign(new Error(`no such host ${host}`), { code: 'ENOTFOUND' });
    return found.map((address): ResolvedAddress => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
}

const dns = resolverOf({
  'api.example.com': ['93.184.216.34'],
  'sneaky.example.com': ['127.0.0.1'],
  'split.example.com': ['93.184.216.34', '10.1.2.3'],
  'metadata.example.com': ['169.254.169.254'],
  'v6.example.com': ['2606:4700::6810:84e5'],
  'empty.example.com': [],
});

const none = new WebhookAllowList();

async function reason(host: string, allowList = none): Promise<string | null> {
  const verdict = await checkWebhookHost('lookup_invoice', host, allowList, dns);
  return verdict.ok ? null : verdict.reason;
}

describe('the webhook address guard', () => {
  it.each([
    ['127.0.0.1', '127.0.0.1, a loopback address'],
    ['[::1]', '::1, a loopback address'],
    ['169.254.169.254', '169.254.169.254, a cloud metadata address'],
    ['10.0.0.1', '10.0.0.1, a private address'],
    ['192.168.1.1', '192.168.1.1, a private address'],
    ['172.20.0.1', '172.20.0.1, a private address'],
    ['[fd00:ec2::254]', 'fd00:ec2::254, a cloud metadata address'],
    ['[fe80::1]', 'fe80::1, a link-local address'],
    ['[fc00::5]', 'fc00::5, a private address'],
    ['0.0.0.0', '0.0.0.0, an unspecified address'],
    ['224.0.0.251', '224.0.0.251, a multicast address'],
    ['[::ffff:127.0.0.1]', '::ffff:127.0.0.1, a loopback address'],
    ['[::ffff:a9fe:a9fe]', '::ffff:a9fe:a9fe, a cloud metadata address'],
    ['[::ffff:0:7f00:1]', '::ffff:0:7f00:1, an IPv6 transition address'],
  ])('refuses %s with a reason naming the address and its kind', async (host, what) => {
    expect(await reason(host)).toBe(
      `webhook blocked: lookup_invoice resolves to ${what}; add it to the workspace allow-list to permit`,
    );
  });

  it('refuses a host name that resolves to a loopback or metadata address', async () => {
    expect(await reason('sneaky.example.com')).toMatch(/resolves to 127\.0\.0\.1, a loopback address/);
    expect(await reason('metadata.example.com')).toMatch(/169\.254\.169\.254, a cloud metadata address/);
  });

  it('refuses a host with one public and one private address, whatever their order', async () => {
    expect(await reason('split.example.com')).toMatch(/resolves to 10\.1\.2\.3, a private address/);
  });

  it('lets public addresses through and returns exactly the addresses it checked', async () => {
    expect(await checkWebhookHost('t', 'api.example.com', none, dns)).toEqual({
      ok: true,
      addresses: [{ address: '93.184.216.34', family: 4 }],
    });
    expect(await reason('v6.example.com')).toBeNull();
    expect(await reason('8.8.8.8')).toBeNull();
  });

  it('reports hosts that do not resolve as failures, not as blocks', async () => {
    expect(await reason('nowhere.example.com')).toBe(
      'webhook failed: lookup_invoice cannot resolve nowhere.example.com (ENOTFOUND)',
    );
    expect(await reason('empty.example.com')).toMatch(/has no address/);
  });

  it('lets the workspace allow-list a host name, an address or a range', async () => {
    expect(await reason('sneaky.example.com', new WebhookAllowList(['Sneaky.Example.com.']))).toBeNull();
    expect(await reason('127.0.0.1', new WebhookAllowList(['127.0.0.1']))).toBeNull();
    expect(await reason('[::ffff:127.0.0.1]', new WebhookAllowList(['127.0.0.0/8']))).toBeNull();
    expect(await reason('split.example.com', new WebhookAllowList(['10.0.0.0/8']))).toBeNull();
    // An entry covers what it names and nothing next to it.
    expect(await reason('127.0.0.2', new WebhookAllowList(['127.0.0.1']))).toMatch(/127\.0\.0\.2, a loopback/);
    expect(await reason('192.168.1.1', new WebhookAllowList(['10.0.0.0/8']))).toMatch(/private/);
  });
});

describe('address kinds and allow-list entries', () => {
  it('names public addresses null and knows the shared and reserved ranges', () => {
    expect(nonPublicKind('1.1.1.1')).toBeNull();
    expect(nonPublicKind('100.64.0.1')).toBe('shared (carrier-grade NAT)');
    expect(nonPublicKind('255.255.255.255')).toBe('reserved');
    expect(nonPublicKind('64:ff9b::7f00:1')).toBe('IPv6 transition');
    expect(() => nonPublicKind('localhost')).toThrow(TypeError);
  });

  it.each([
    // IPv4-translated (SIIT) 127.0.0.1 in hex, the form a probe got through.
    '::ffff:0:7f00:1',
    '::ffff:0:127.0.0.1',
    '0:0:0:0:ffff:0:7f00:1',
    '0000:0000:0000:0000:0000:ffff:7f00:0001',
    '::FFFF:7F00:1',
    '::7f00:1',
    '::127.0.0.1',
    '100::1',
    '4000::1',
    'ff02::1',
  ])('refuses every other way of writing a non-global IPv6 address: %s', (address) => {
    expect(nonPublicKind(address)).not.toBeNull();
  });

  it('still lets IPv4-mapped public addresses and global unicast IPv6 through', () => {
    expect(nonPublicKind('::ffff:8.8.8.8')).toBeNull();
    expect(nonPublicKind('::ffff:808:808')).toBeNull();
    expect(nonPublicKind('2606:4700::6810:84e5')).toBeNull();
  });

  it('parses host names, addresses and CIDR ranges and rejects anything else', () => {
    expect(parseAllowEntry('Hooks.Internal')).toEqual({ kind: 'host', host: 'hooks.internal' });
    expect(parseAllowEntry('10.0.0.0/8')).toEqual({ kind: 'range', network: '10.0.0.0', prefix: 8, family: 4 });
    expect(parseAllowEntry('::1')).toEqual({ kind: 'range', network: '::1', prefix: 128, family: 6 });
    for (const bad of ['', 'http://x', '10.0.0.0/33', 'a b', 'host/8', '10.0.0.0/x', '1.2.3.4/8/9']) {
      expect(parseAllowEntry(bad)).toBeNull();
    }
    expect(() => new WebhookAllowList(['not a host'])).toThrow(/not a host name, IP address or CIDR range/);
  });
});
