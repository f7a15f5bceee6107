import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signWebhookBody, verifyWebhookSignature } from '../src';

const secret = 'whsec_test0123456789abcdef';
const body = '{"type":"call.ended","id":"x"}';
const now = Date.UTC(2026, 11, 3, 12, 0, 0);
const t = now / 1000;

describe('post-call webhook signatures', () => {
  it('is an HMAC-SHA256 of "<t>.<body>" a receiver can compute with node:crypto alone', () => {
    const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
    expect(signWebhookBody(body, secret, t)).toBe(`t=${t},v1=${expected}`);
    expect(verifyWebhookSignature(body, signWebhookBody(body, secret, t), secret, now)).toEqual({ ok: true });
  });

  it('refuses another body, another secret, a stale or future timestamp and a malformed header', () => {
    const header = signWebhookBody(body, secret, t);
    expect(verifyWebhookSignature(`${body} `, header, secret, now)).toEqual({ ok: false, problem: 'mismatch' });
    expect(verifyWebhookSignature(body, header, 'whsec_other', now)).toEqual({ ok: false, problem: 'mismatch' });
    expect(verifyWebhookSignature(body, header, secret, now + 301_000)).toEqual({ ok: false, problem: 'stale' });
    expect(verifyWebhookSignature(body, header, secret, now - 301_000)).toEqual({ ok: false, problem: 'stale' });
    expect(verifyWebhookSignature(body, header, secret, now + 299_000)).toEqual({ ok: true });
    for (const bad of [undefined, '', 'v1=abc', `t=${t}`, `t=soon,v1=abc`]) {
      expect(verifyWebhookSignature(body, bad, secret, now)).toEqual({ ok: false, problem: 'malformed' });
    }
  });

  it('accepts the header when one of several v1 signatures matches (during a secret rotation)', () => {
    const good = signWebhookBody(body, secret, t).split(',v1=')[1];
    expect(verifyWebhookSignature(body, `t=${t},v1=${'0'.repeat(64)},v1=${good}`, secret, now)).toEqual({ ok: true });
  });
});
