import { describe, expect, it } from 'vitest';
import { ProviderError } from '../../../src/providers/errors';
import { providerErrorFrom, providerErrorFromStatus, redactSecrets } from '../../../src/providers/http-errors';

const ctx = { provider: 'acme', label: 'Acme', keyEnv: 'ACME_API_KEY', secrets: ['acme-secret-123456'] };

describe('HTTP status / failure -> ProviderError', () => {
  it.each([
    [401, 'auth', false],
    [403, 'auth', false],
    [429, 'rate_limit', true],
    [408, 'timeout', true],
    [500, 'server', true],
    [503, 'server', true],
    [400, 'bad_request', false],
    [404, 'bad_request', false],
  ] as const)('status %i is %s (retryable %s)', (status, kind, retryable) => {
    const error = providerErrorFromStatus(ctx, status);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ provider: 'acme', kind, status, retryable });
  });

  it('auth errors name the variable to fix; provider text is included but never a key', () => {
    expect(providerErrorFromStatus(ctx, 401).message).toBe('Acme rejected the API key (401). Check ACME_API_KEY.');
    const error = providerErrorFromStatus(ctx, 400, {
      message: 'bad input for acme-secret-123456 and sk-proj-abcdEFGH1234',
    });
    expect(error.message).toContain('bad input for');
    expect(error.message).not.toContain('acme-secret-123456');
    expect(error.message).not.toContain('abcdEFGH1234');
  });

  it('reads status, body message and retry-after from SDK-style errors', () => {
    const sdkError = Object.assign(new Error('429 slow down'), {
      status: 429,
      error: { message: 'slow down' },
      headers: new Headers({ 'retry-after': '12' }),
    });
    const error = providerErrorFrom(ctx, sdkError);
    expect(error).toMatchObject({ kind: 'rate_limit', status: 429 });
    expect(error.message).toContain('Retry after 12 s.');
    expect(error.message).toContain('slow down');
  });

  it('socket failures are network errors, found through nested causes', () => {
    const refused = new TypeError('fetch failed', {
      cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }),
    });
    expect(providerErrorFrom(ctx, new Error('Connection error.', { cause: refused }))).toMatchObject({
      kind: 'network',
    });
    expect(providerErrorFrom(ctx, new TypeError('terminated'))).toMatchObject({ kind: 'network' });
  });

  it('timeouts are timeouts', () => {
    expect(providerErrorFrom(ctx, new DOMException('late', 'TimeoutError'), 800)).toMatchObject({ kind: 'timeout' });
    expect(providerErrorFrom(ctx, Object.assign(new Error('x'), { code: 'ETIMEDOUT' }))).toMatchObject({
      kind: 'timeout',
    });
    class APIConnectionTimeoutError extends Error {}
    expect(providerErrorFrom(ctx, new APIConnectionTimeoutError('Request timed out.'), 800).message).toContain(
      '800 ms',
    );
  });

  it('redacts every listed secret and anything shaped like an sk- key', () => {
    expect(redactSecrets('key acme-secret-123456, sk-abc***wxyz and sk-live_XYZ12345', ctx.secrets)).toBe(
      'key [redacted], [redacted] and [redacted]',
    );
  });
});
