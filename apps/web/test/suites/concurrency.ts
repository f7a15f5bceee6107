import { describe, expect, it } from 'vitest';
import type { Api } from '../support/http';
import { twoAgentSpec } from '../support/specs';

/** Parallel writers: optimistic concurrency on drafts, and distinct version numbers on publish. */
export function concurrencySuite(api: Api): void {
  describe('concurrent writers', () => {
    it('lets exactly one of 20 saves on the same revision win, and stores the winner', async () => {
      const { body: created } = await api.post('/api/flows', twoAgentSpec('Contended'));
      const id = created.flow.id;
      const replies = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          api.put(`/api/flows/${id}`, {
            spec: twoAgentSpec('Contended', `writer ${i}`),
            revision: created.flow.revision,
          }),
        ),
      );
      const winners = replies.filter((r) => r.status === 200);
      const losers = replies.filter((r) => r.status === 409);
      expect(winners).toHaveLength(1);
      expect(losers).toHaveLength(19);
      for (const loser of losers) expect(loser.body.error.code).toBe('revision_conflict');
      const stored = await api.get(`/api/flows/${id}`);
      expect(stored.body.flow.draft).toEqual(winners[0]?.body.flow.draft);
      expect(stored.body.flow.revision).toBe(created.flow.revision + 1);
    });

    it('gives 20 parallel publishes 20 distinct version numbers', async () => {
      const { body: created } = await api.post('/api/flows', twoAgentSpec('Busy publisher'));
      const id = created.flow.id;
      const replies = await Promise.all(
        Array.from({ length: 20 }, (_, i) => api.post(`/api/flows/${id}/publish`, { note: `publish ${i}` })),
      );
      expect(replies.map((r) => r.status)).toEqual(Array(20).fill(201));
      const numbers = replies.map((r) => r.body.version.number).sort((a, b) => a - b);
      expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      const list = await api.get(`/api/flows/${id}/versions`);
      expect(list.body.versions).toHaveLength(20);
    });
  });
}
