import { describe, expect, it } from 'vitest';
import type { Api } from '../support/http';
import { twoAgentSpec } from '../support/specs';

/** Every endpoint that names a flow answers 404 `not_found` for a flow that does not exist. */
export function notFoundSuite(api: Api): void {
  describe('unknown flows', () => {
    const missing = ['00000000-0000-4000-8000-000000000000', 'no-such-flow'];
    const requests: [string, (id: string) => Promise<{ status: number; body: any }>][] = [
      ['GET flow', (id) => api.get(`/api/flows/${id}`)],
      ['PUT flow', (id) => api.put(`/api/flows/${id}`, { spec: twoAgentSpec('x'), revision: 1 })],
      ['DELETE flow', (id) => api.del(`/api/flows/${id}`)],
      ['duplicate', (id) => api.post(`/api/flows/${id}/duplicate`)],
      ['publish', (id) => api.post(`/api/flows/${id}/publish`, { note: 'x' })],
      ['versions', (id) => api.get(`/api/flows/${id}/versions`)],
      ['version', (id) => api.get(`/api/flows/${id}/versions/1`)],
      ['rollback', (id) => api.post(`/api/flows/${id}/rollback`, { number: 1 })],
      ['restore', (id) => api.post(`/api/flows/${id}/restore`, { number: 1, revision: 1 })],
      ['live', (id) => api.get(`/api/flows/${id}/live`)],
      ['export', (id) => api.get(`/api/flows/${id}/export`)],
    ];
    for (const [label, send] of requests) {
      it(`${label} → 404`, async () => {
        for (const id of missing) {
          const reply = await send(id);
          expect(reply.status, `${label} ${id}`).toBe(404);
          expect(reply.body.error.code).toBe('not_found');
          expect(typeof reply.body.error.message).toBe('string');
        }
      });
    }
  });
}
