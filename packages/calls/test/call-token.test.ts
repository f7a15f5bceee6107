import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CallTokenError, signCallToken, verifyCallToken } from '../src';

const secret = 'test-secret-0123456789abcdef';
const claims = {
  callId: '11111111-1111-4111-8111-111111111111',
  flowVersionId: '22222222-2222-4222-8222-222222222222',
};

function refusal(run: () => unknown): CallTokenError {
  try {
    run();
  } catch (error) {
    if (error instanceof CallTokenError) return error;
    throw error;
  }
  throw new Error('expected the token to be refused');
}

describe('call token', () => {
  it('verifies what it signed, naming the call, its version and the expiry', () => {
    const token = signCallToken(secret, claims, { now: 1_000_000, ttlMs: 60_000 });
    expect(verifyCallToken(secret, token, { now: 1_030_000 })).toEqual({ ...claims, expiresAt: 1_060_000 });
  });

  it('refuses an expired token, saying so', () => {
    const token = signCallToken(secret, claims, { now: 1_000_000, ttlMs: 60_000 });
    const error = refusal(() => verifyCallToken(secret, token, { now: 1_060_000 }));
    expect(error.problem).toBe('expired');
    expect(error.message).toMatch(/expired/);
  });

  it('refuses a token signed with another secret', () => {
    const token = signCallToken('another-secret-0123456789', claims);
    expect(refusal(() => verifyCallToken(secret, token)).problem).toBe('forged');
  });

  it('refuses a token whose claims were changed after signing', () => {
    const [, signature] = signCallToken(secret, claims).split('.');
    const body = Buffer.from(
      JSON.stringify({ v: 1, ...claims, callId: 'someone-else', exp: Date.now() + 60_000 }),
    ).toString('base64url');
    expect(refusal(() => verifyCallToken(secret, `${body}.${signature}`)).problem).toBe('forged');
  });

  it('refuses a truncated signature without comparing unequal lengths', () => {
    const token = signCallToken(secret, claims);
    expect(refusal(() => verifyCallToken(secret, token.slice(0, -4))).problem).toBe('forged');
  });

  it.each([
    ['', 'empty'],
    ['abc', 'one part'],
    ['a.b.c', 'three parts'],
    ['.sig', 'no body'],
  ])('refuses %j (%s) as malformed', (token) => {
    const error = refusal(() => verifyCallToken(secret, token));
    expect(error.problem).toBe('malformed');
    expect(error.message).toMatch(/malformed/);
  });

  it('refuses correctly signed claims of the wrong shape as malformed, naming the field', () => {
    const body = Buffer.from(JSON.stringify({ v: 1, callId: 'x', exp: Date.now() + 1000 })).toString('base64url');
    const signature = createHmac('sha256', secret).update(body).digest('base64url');
    const error = refusal(() => verifyCallToken(secret, `${body}.${signature}`));
    expect(error.problem).toBe('malformed');
    expect(error.message).toMatch(/flowVersionId/);
  });

  it('refuses to sign or verify with a secret too short to be safe', () => {
    expect(() => signCallToken('short', claims)).toThrow(/at least 16/);
    expect(() => verifyCallToken('short', 'a.b')).toThrow(/at least 16/);
  });
});
