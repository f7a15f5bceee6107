'use client';

import { useState } from 'react';
import type { CreatedApiKey } from './api-key-types';
import { KeyUseCells, when } from './KeyUseCells';
import { NewApiKeyForm } from './NewApiKeyForm';
import { useApiKeys } from './use-api-keys';

/**
 * Secret API keys for customers' backends (the call API): listed by name and prefix; admins
 * create one for chosen flows, see it once, and revoke keys.
 */
export function ApiKeysPanel({ canEdit }: { canEdit: boolean }) {
  const { keys, flows, error, setError, load, revoke } = useApiKeys('secret');
  // The key itself lives only in this state: gone on dismiss or reload, never fetched again.
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const [copied, setCopied] = useState(false);

  const flowName = (id: string) => flows.find((flow) => flow.id === id)?.name ?? 'deleted flow';

  async function copy(key: string) {
    try {
      await navigator.clipboard.writeText(key);
      setCopied(true);
    } catch {
      // Some browsers allow the clipboard only over https or with permission.
      setError('The browser refused to copy: select the key and copy it by hand.');
    }
  }

  return (
    <section className="settings-panel" aria-label="API keys">
      <h2>API keys</h2>
      <p>
        Secret keys let your backend start calls of the chosen flows (<code>POST /api/v1/flows/:id/sessions</code>).
        Keep them on your server; a key is shown once, when it is created.
      </p>
      {created && (
        <div className="api-key-created" role="status" aria-label="New key">
          <p>Copy the key “{created.apiKey.name}” now: it will not be shown again.</p>
          <code data-testid="new-api-key">{created.key}</code>
          <button type="button" onClick={() => copy(created.key)}>
            {copied ? 'Copied' : 'Copy'}
          </button>
          <button type="button" onClick={() => setCreated(null)}>
            Done
          </button>
        </div>
      )}
      {keys.length === 0 ? (
        <p className="hint">No API keys yet.</p>
      ) : (
        <table className="api-keys">
          <thead>
            <tr>
              <th>Name</th>
              <th>Key</th>
              <th>Flows</th>
              <th>Created</th>
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
                <td>{row.flowIds.map(flowName).join(', ')}</td>
                <td>{when(row.createdAt)}</td>
                <KeyUseCells row={row} canEdit={canEdit} onRevoke={revoke} />
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canEdit && (
        <NewApiKeyForm
          flows={flows}
          onCreated={(next) => {
            setCopied(false);
            setCreated(next);
            void load();
          }}
        />
      )}
      {error && <p role="alert">{error}</p>}
    </section>
  );
}
