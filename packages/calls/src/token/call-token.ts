import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { CallTokenError } from './call-token-error';

/** What a call token grants: joining call `callId`, which runs version `flowVersionId`, until `expiresAt`. */
export interface CallTokenClaims {
  callId: string;
  flowVersionId: string;
  /** Unix time in milliseconds. */
  expiresAt: number;
}

/** How long a token is good for when the signer does not say (the browser connects right away). */
export const DEFAULT_TOKEN_TTL_MS = 5 * 60_000;

const claimsSchema = z
  .object({
    v: z.literal(1),
    callId: z.string().min(1),
    flowVersionId: z.string().min(1),
    exp: z.number().int().positive(),
  })
  .strict();

// Token = base64url(JSON claims) "." base64url(HMAC-SHA256(secret, first part)). The claims stay
// readable (nothing in them is secret); the MAC makes them unforgeable without PARLEY_SECRET.
function mac(secret: string, body: string): Buffer {
  return createHmac('sha256', secret).update(body).digest();
}

function requireSecret(secret: string): void {
  if (secret.length < 16) throw new Error('PARLEY_SECRET must be at least 16 characters to sign call tokens');
}

/** Signs a token for one call; `ttlMs` from `now` (default 5 minutes). */
export function signCallToken(
  secret: string,
  claims: { callId: string; flowVersionId: string },
  options: { ttlMs?: number; now?: number } = {},
): string {
  requireSecret(secret);
  const exp = (options.now ?? Date.now()) + (options.ttlMs ?? DEFAULT_TOKEN_TTL_MS);
  const body = Buffer.from(
    JSON.stringify({ v: 1, callId: claims.callId, flowVersionId: claims.flowVersionId, exp }),
  ).toString('base64url');
  return `${body}.${mac(secret, body).toString('base64url')}`;
}

/** Checks the token's shape, signature (constant time) and expiry; throws CallTokenError saying which failed. */
export function verifyCallToken(secret: string, token: string, options: { now?: number } = {}): CallTokenClaims {
  requireSecret(secret);
  const parts = token.split('.');
  if (parts.length !== 2 || !parts[0] || !parts[1]) {
    throw new CallTokenError('malformed', 'call token is malformed: expected two base64url parts joined by "."');
  }
  const [body, signature] = parts as [string, string];
  const given = Buffer.from(signature, 'base64url');
  const expected = mac(secret, body);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new CallTokenError(
      'forged',
      'call token signature does not match: it was not signed with this PARLEY_SECRET',
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    throw new CallTokenError('malformed', 'call token claims are not JSON');
  }
  const parsed = claimsSchema.safeParse(json);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => issue.path.join('.') || issue.message).join(', ');
    throw new CallTokenError('malformed', `call token claims are missing or wrong: ${fields}`);
  }
  const { callId, flowVersionId, exp } = parsed.data;
  const now = options.now ?? Date.now();
  if (exp <= now) {
    throw new CallTokenError(
      'expired',
      `call token expired ${Math.round((now - exp) / 1000)} s ago; ask for a new one`,
    );
  }
  return { callId, flowVersionId, expiresAt: exp };
}
