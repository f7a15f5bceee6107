import { BlockList, isIP } from 'node:net';

/** One allow-list entry, parsed: a host name, or an address range (a single IP is a /32 or /128). */
export type AllowEntry =
  | { kind: 'host'; host: string }
  | { kind: 'range'; network: string; prefix: number; family: 4 | 6 };

const hostPattern = /^(?=.{1,253}$)([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)(\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*$/;

/** Host names compare lowercased, without brackets or a trailing dot. */
export function normalHost(host: string): string {
  return host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '');
}

/** Parses "hooks.internal", "10.0.0.5", "10.0.0.0/8" or "fd00::/8"; null when it is none of these. */
export function parseAllowEntry(text: string): AllowEntry | null {
  const [base = '', prefixText, ...extra] = normalHost(text).split('/');
  if (extra.length > 0) return null;
  const family = isIP(base);
  if (family === 0) return prefixText === undefined && hostPattern.test(base) ? { kind: 'host', host: base } : null;
  const max = family === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? max : Number(prefixText);
  if (!/^\d+$/.test(prefixText ?? String(max)) || prefix > max) return null;
  return { kind: 'range', network: base, prefix, family: family === 6 ? 6 : 4 };
}

/** The hosts and address ranges a workspace lets its webhooks reach although they are not public. */
export class WebhookAllowList {
  private readonly hosts = new Set<string>();
  private readonly addresses = new BlockList();

  /** Throws on an entry that is neither a host name, an IP address nor a CIDR range. */
  constructor(entries: readonly string[] = []) {
    for (const text of entries) {
      const entry = parseAllowEntry(text);
      if (!entry) throw new RangeError(`"${text}" is not a host name, IP address or CIDR range`);
      if (entry.kind === 'host') this.hosts.add(entry.host);
      else this.addresses.addSubnet(entry.network, entry.prefix, entry.family === 6 ? 'ipv6' : 'ipv4');
    }
  }

  /** Whether the host name itself was allowed (then every address it resolves to is). */
  allowsHost(host: string): boolean {
    return this.hosts.has(normalHost(host));
  }

  /** Whether `address` lies in an allowed range. */
  allowsAddress(address: string): boolean {
    return this.addresses.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
  }
}
