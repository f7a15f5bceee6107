'use client';

import { type FormEvent, useState } from 'react';
import { request } from '@/src/api/request';
import type { CreatedApiKey } from './api-key-types';
import { KeyUseCells } from './KeyUseCells';
import { useApiKeys } from './use-api-keys';

/** The code a site owner pastes: the script tag that adds the widget's iframe. */
export function embedSnippet(origin: string, flow: string, key: string): string {
  return `<script src="${origin}/embed.js" data-flow="${flow}" data-key="${key}" async></script>`;
}

/**
 * Publishable keys for the website widget: each opens one flow, only inside the sites listed;
 * admins make one and copy the embed code (shown once, as it holds the key), and revoke keys.
 */
export function WidgetKeysPanel({ canEdit }: { canEdit: boolean }) {
  const { keys, flows, error, setError, load, revoke } = useApiKeys('publishable');
  const [created, setCreated] = useState<{ key: CreatedApiKey; snippet: string } | null>(null);

  const flowOf = (id: string | undefined) => flows.find((flow) => flow.id === id);

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const flowId = String(data.get('flowId') ?? '');
    const allowedOrigins = String(data.get('origins') ?? '')
      .split(/\s+/)
      .filter(Boolean);
    const result = await request<CreatedApiKey>('POST', '/api/api-keys', {
      name: data.get('name'),
      kind: 'publishable',
      flowIds: [flowId],
      allowedOrigins,
    });
    setError(result.ok ? null : result.error.message);
    if (!result.ok) return;
    form.reset();
    const flow = flowOf(flowId);
    const snippet = embedSnippet(window.location.origin, flow?.slug || flowId, result.data.key);
    setCreated({ key: result.data, snippet });
    await load();
  }

  return (
    <section className="settings-panel" aria-label="Website widget">
      <h2>Website widget</h2>
      <p>
        A publishable key puts one published flow on your website as a voice widget. It works only inside the sites you
        list (browsers refuse to show it elsewhere), and each visitor may start a few calls a minute.
      </p>
      {created && (
        <div className="api-key-created" role="status" aria-label="Embed code">
          <p>Paste this where the widget should appear on your site. It holds the key, so it is shown once.</p>
          <code data-testid="embed-snippet">{created.snippet}</code>
          <button type="button" onClick={() => setCreated(null)}>
            Done
          </button>
        </div>
      )}
      {keys.length === 0 ? (
        <p className="hint">No widget keys yet.</p>
      ) : (
        <table className="api-keys">
          <thead>
            <tr>
              <th>Name</th>
              <th>Key</th>
              <th>Flow</th>
              <th>Allowed sites</th>
              <th>Last used</th>
              <th>Status</th>
              {canEdit && <th />}
            </tr>
          </thead>
          <tbody>
            {keys.map((row) => (
              <tr key={row.id}>
                <td>{row.name}</td>
                <td>
                  <code>{row.prefix}…</code>
                </td>
                <td>{flowOf(row.flowIds[0])?.name ?? 'deleted flow'}</td>
                <td>{row.allowedOrigins.join(', ') || 'none (only on this server)'}</td>
                <KeyUseCells row={row} canEdit={canEdit} onRevoke={revoke} />
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canEdit && (
        <form onSubmit={create} className="api-key-form" aria-label="New widget key">
          <input name="name" placeholder="name, e.g. website" aria-label="Widget key name" required maxLength={100} />
          <label>
            Flow{' '}
            <select name="flowId" required aria-label="Widget flow">
              {flows.map((flow) => (
                <option key={flow.id} value={flow.id}>
                  {flow.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            Allowed sites (one origin per line, e.g. https://www.example.com)
            <textarea name="origins" rows={2} aria-label="Allowed sites" />
          </label>
          <button type="submit">Create widget key</button>
        </form>
      )}
      {error && <p role="alert">{error}</p>}
    </section>
  );
}
