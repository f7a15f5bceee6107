import { describe, expect, it } from 'vitest';

/** Security headers on pages, API answers and static files, from the real server. */
export function headersSuite(base: () => string): void {
  describe('security headers', () => {
    it('pages get a CSP whose nonce is on every script, and may be framed only by Parley itself', async () => {
      const response = await fetch(`${base()}/signin`);
      expect(response.status).toBe(200);
      const policy = response.headers.get('content-security-policy') ?? '';
      const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
      expect(nonce).toBeTruthy();
      expect(policy).toContain("frame-ancestors 'self'");
      expect(policy).toContain("object-src 'none'");
      expect(policy).not.toContain('unsafe-eval');
      const html = await response.text();
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
      // A fresh nonce per request.
      const again = (await fetch(`${base()}/signin`)).headers.get('content-security-policy');
      expect(again).not.toContain(`'nonce-${nonce}'`);

      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(response.headers.get('strict-transport-security')).toBeNull();
    });

    it('HSTS only behind https; API answers and static files are nosniff too', async () => {
      const behindHttps = await fetch(`${base()}/signin`, { headers: { 'x-forwarded-proto': 'https' } });
      expect(behindHttps.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
      const api = await fetch(`${base()}/api/flows`);
      expect(api.headers.get('x-content-type-options')).toBe('nosniff');
      const html = await (await fetch(`${base()}/signin`)).text();
      const asset = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
      expect(asset).toBeTruthy();
      const file = await fetch(`${base()}${asset}`);
      expect(file.status).toBe(200);
      expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    });
  });
}
