import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { nonPublicKind } from './address-ranges';
import { normalHost, type WebhookAllowList } from './allow-list';

/** One address a host name resolves to. */
export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to every address it has (tests pass a stub; DNS is not ours to run). */
export type Resolver = (host: string) => Promise<ResolvedAddress[]>;

/** Where a webhook may connect, or why it may not. */
export type GuardVerdict = { ok: true; addresses: ResolvedAddress[] } | { ok: false; reason: string };

/** The system resolver, every address (A and AAAA) in the order the system gives them. */
export const systemResolver: Resolver = async (host) => {
  const found = await dnsLookup(host, { all: true, verbatim: true });
  return found.map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));
};

function article(word: string): string {
  return /^[aeiouI]/.test(word) ? 'an' : 'a';
}

/**
 * Resolves `host` and checks EVERY address: one non-public address refuses the whole host (a
 * name with a public and a private address must not reach the private one by chance of order).
 * The caller connects only to the addresses returned, so a second DNS answer cannot differ.
 */
export async function checkWebhookHost(
  toolName: string,
  host: string,
  allowList: WebhookAllowList,
  resolve: Resolver = systemResolver,
  subject = 'webhook',
): Promise<GuardVerdict> {
  const name = normalHost(host);
  let addresses: ResolvedAddress[];
  if (isIP(name)) addresses = [{ address: name, family: isIP(name) === 6 ? 6 : 4 }];
  else {
    try {
      addresses = await resolve(name);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'lookup failed';
      return { ok: false, reason: `${subject} failed: ${toolName} cannot resolve ${name} (${code})` };
    }
    if (addresses.length === 0) return { ok: false, reason: `${subject} failed: ${name} has no address` };
  }
  if (allowList.allowsHost(name)) return { ok: true, addresses };
  for (const { address } of addresses) {
    const kind = nonPublicKind(address);
    if (kind && !allowList.allowsAddress(address)) {
      return {
        ok: false,
        reason:
          `${subject} blocked: ${toolName} resolves to ${address}, ${article(kind)} ${kind} address; ` +
          'add it to the workspace allow-list to permit',
      };
    }
  }
  return { ok: true, addresses };
}
