import { describe, expect, it } from 'vitest';
import type { Api } from '../support/http';
import { twoAgentSpec } from '../support/specs';

const MiB = 1024 * 1024;

/** Export → import round trips; bad imports are refused and create nothing. */
export function importExportSuite(api: Api): void {
  describe('import and export', () => {
    const flowCount = async () => (await api.get('/api/flows')).body.flows.length as number;

    it('exports the draft as an attachment that imports back into an equal flow', async () => {
      const { body: created } = await api.post('/api/flows', twoAgentSpec('Café "Line" 1', 'round trip'));
      const exported = await fetch(`${api.base()}/api/flows/${created.flow.id}/export`, {
        headers: api.authHeaders(),
      });
      expect(exported.status).toBe(200);
      const disposition = exported.headers.get('content-disposition') ?? '';
      expect(disposition).toMatch(/^attachment; filename="Cafe -Line- 1\.json"/);
      expect(disposition).toContain("filename*=UTF-8''Caf%C3%A9%20%22Line%22%201.json");
      const document = await exported.text();

      const imported = await api.postText('/api/flows/import', document);
      expect(imported.status).toBe(201);
      expect(imported.body.flow.id).not.toBe(created.flow.id);
      expect(imported.body.flow.name).toBe('Café "Line" 1');
      const fetched = await api.get(`/api/flows/${imported.body.flow.id}`);
      expect(fetched.body.flow.draft).toEqual(JSON.parse(document));
      expect(fetched.body.flow.draft).toEqual(created.flow.draft);
    });

    it('refuses malformed JSON with 400 saying where, creating nothing', async () => {
      const before = await flowCount();
      const reply = await api.postText('/api/flows/import', '{\n  "schemaVersion": 1,\n  "name": oops\n}');
      expect(reply.status).toBe(400);
      expect(reply.body.error.code).toBe('malformed_json');
      expect(reply.body.error.message).toContain('line 3, column 11');
      expect(await flowCount()).toBe(before);
    });

    it('refuses JSON that is not a FlowSpec with 422 and issue paths, creating nothing', async () => {
      const before = await flowCount();
      const reply = await api.post('/api/flows/import', { schemaVersion: 1, name: 'No agents' });
      expect(reply.status).toBe(422);
      expect(reply.body.error.code).toBe('invalid_flow_spec');
      const paths = reply.body.error.issues.map((i: { target: { path: string } }) => i.target.path);
      expect(paths).toEqual(expect.arrayContaining(['entryAgentId', 'agents']));
      expect(await flowCount()).toBe(before);
    });

    it('refuses a body over 1 MiB with 413, by Content-Length and by counting a chunked body', async () => {
      const before = await flowCount();
      // Valid JSON padded with whitespace: only its size is wrong.
      const oversized = JSON.stringify(twoAgentSpec('Too big')) + ' '.repeat(MiB);
      const declared = await api.postText('/api/flows/import', oversized);
      expect(declared.status).toBe(413);
      expect(declared.body.error.code).toBe('payload_too_large');

      const chunked = await fetch(`${api.base()}/api/flows/import`, {
        method: 'POST',
        headers: api.authHeaders(),
        body: new Blob([oversized]).stream(),
        duplex: 'half',
      } as RequestInit);
      expect(chunked.status).toBe(413);
      expect((await chunked.json()).error.code).toBe('payload_too_large');
      expect(await flowCount()).toBe(before);
    });

    it('accepts a body of exactly 1 MiB', async () => {
      const spec = JSON.stringify(twoAgentSpec('Exactly at the limit'));
      const reply = await api.postText('/api/flows/import', spec + ' '.repeat(MiB - Buffer.byteLength(spec)));
      expect(reply.status).toBe(201);
    });
  });
}
