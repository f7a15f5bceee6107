import { describe, expect, it } from 'vitest';
import { BoundedQueue, QueueFullError } from '../../src/server/auth/bounded-queue';
import { cookieHeader, readCookie } from '../../src/server/auth/cookies';
import { changesState, passesCsrf, sameOrigin } from '../../src/server/auth/csrf';
import { hashing, hashPassword, verifyPassword } from '../../src/server/auth/password';
import { hashToken, newToken } from '../../src/server/auth/tokens';

function post(headers: Record<string, string>): Request {
  return new Request('http://127.0.0.1:3000/api/flows', {
    method: 'POST',
    headers: { host: '127.0.0.1:3000', ...headers },
  });
}

describe('passwords', () => {
  it('hash with a fresh salt and self-describing parameters, and verify only the right password', async () => {
    const first = await hashPassword('correct horse battery');
    const second = await hashPassword('correct horse battery');
    expect(first).toMatch(/^scrypt\$131072\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(first).not.toBe(second);
    expect(first).not.toContain('correct horse');
    expect(await verifyPassword('correct horse battery', first)).toBe(true);
    expect(await verifyPassword('correct horse batterY', first)).toBe(false);
    expect(await verifyPassword('anything', 'not-a-hash')).toBe(false);
  });
});

describe('session tokens and cookies', () => {
  it('tokens are 32 random bytes; the stored form is their SHA-256', () => {
    const token = newToken();
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(newToken()).not.toBe(token);
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(token)).not.toContain(token);
  });

  it('cookies are SameSite=Lax, HttpOnly when asked, Secure only over https, and read back by name', () => {
    expect(cookieHeader('s', 'v', { maxAgeSeconds: 60, httpOnly: true, secure: false })).toBe(
      's=v; Path=/; SameSite=Lax; Max-Age=60; HttpOnly',
    );
    expect(cookieHeader('c', 'v', { maxAgeSeconds: 60, httpOnly: false, secure: true })).toBe(
      'c=v; Path=/; SameSite=Lax; Max-Age=60; Secure',
    );
    expect(readCookie('a=1; parley_session=abc=; b=2', 'parley_session')).toBe('abc=');
    expect(readCookie(null, 'parley_session')).toBeUndefined();
  });
});

describe('CSRF checks', () => {
  const session = { csrfToken: 'tok-123' };

  it('only state-changing methods need the token', () => {
    expect(['GET', 'HEAD', 'OPTIONS'].map(changesState)).toEqual([false, false, false]);
    expect(['POST', 'PUT', 'PATCH', 'DELETE'].map(changesState)).toEqual([true, true, true, true]);
  });

  it('needs the session token in x-csrf-token and a same-origin Origin when one is sent', () => {
    expect(passesCsrf(post({ 'x-csrf-token': 'tok-123' }), session)).toBe(true);
    expect(passesCsrf(post({ 'x-csrf-token': 'tok-123', origin: 'http://127.0.0.1:3000' }), session)).toBe(true);
    expect(passesCsrf(post({}), session)).toBe(false);
    expect(passesCsrf(post({ 'x-csrf-token': 'tok-124' }), session)).toBe(false);
    expect(passesCsrf(post({ 'x-csrf-token': 'tok-123', origin: 'https://evil.example' }), session)).toBe(false);
    expect(sameOrigin(post({ origin: 'null' }))).toBe(false);
  });
});

describe('bounded password hashing', () => {
  it('never runs more than 2 scrypt hashes at once, however many sign-ins arrive together', async () => {
    const stored = await hashPassword('correct horse battery');
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => verifyPassword(i === 0 ? 'correct horse battery' : 'wrong', stored)),
    );
    expect(results).toEqual([true, false, false, false, false, false, false, false]);
    expect(hashing.peak).toBe(2);
  });

  it('refuses work past its waiting room instead of piling it up', async () => {
    const queue = new BoundedQueue('test work', 1, 1);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const first = queue.run(() => gate);
    const second = queue.run(async () => 'second');
    await expect(queue.run(async () => 'third')).rejects.toBeInstanceOf(QueueFullError);
    release();
    await first;
    expect(await second).toBe('second');
    expect(queue.peak).toBe(1);
  });
});
