import { describe, expect, it } from 'vitest';
import type { Api } from '../support/http';
import { specWithUnknownEntry, twoAgentSpec } from '../support/specs';

/** POST /api/validate answers 200 with validate()'s verdict for any JSON. */
export function validateSuite(api: Api): void {
  describe('validate endpoint', () => {
    it('reports a valid flow as valid, with the spec its defaults filled', async () => {
      const reply = await api.post('/api/validate', twoAgentSpec('Fine'));
      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({ valid: true, issues: [] });
      expect(reply.body.spec.settings.language).toBe('en');
    });

    it('reports semantic and structural problems with 200 and stable codes', async () => {
      const semantic = await api.post('/api/validate', specWithUnknownEntry('Unknown entry'));
      expect(semantic.status).toBe(200);
      expect(semantic.body.valid).toBe(false);
      expect(semantic.body.issues[0]).toMatchObject({
        code: 'entry_unknown',
        severity: 'error',
        target: { path: 'entryAgentId' },
      });
      const structural = await api.post('/api/validate', [1, 2, 3]);
      expect(structural.status).toBe(200);
      expect(structural.body.valid).toBe(false);
      expect(structural.body.issues[0].code).toBe('schema_invalid');
    });

    it('answers 400 to malformed JSON and to an empty body', async () => {
      const malformed = await api.postText('/api/validate', '{"name": "x",}');
      expect(malformed.status).toBe(400);
      expect(malformed.body.error).toMatchObject({ code: 'malformed_json', line: 1, column: 14 });
      const empty = await api.postText('/api/validate', '');
      expect(empty.status).toBe(400);
      expect(empty.body.error.code).toBe('malformed_json');
    });
  });
}
