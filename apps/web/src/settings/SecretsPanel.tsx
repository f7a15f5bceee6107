'use client';

import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { request } from '@/src/api/request';

interface SecretRow {
  name: string;
  updatedAt: string;
}

/** Workspace secrets: names listed, values write-only (set or replace, delete). */
export function SecretsPanel({ canEdit }: { canEdit: boolean }) {
  const [rows, setRows] = useState<SecretRow[]>([]);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    const result = await request<{ secrets: SecretRow[] }>('GET', '/api/secrets');
    if (result.ok) setRows(result.data.secrets);
    else setError(result.error.message);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const name = String(data.get('name'));
    const result = await request('PUT', `/api/secrets/${encodeURIComponent(name)}`, { value: data.get('value') });
    setError(result.ok ? null : result.error.message);
    if (result.ok) form.reset();
    await load();
  }

  async function remove(name: string) {
    const result = await request('DELETE', `/api/secrets/${encodeURIComponent(name)}`);
    setError(result.ok ? null : result.error.message);
    await load();
  }

  return (
    <section className="settings-panel" aria-label="Secrets">
      <h2>Secrets</h2>
      <p>Webhook headers refer to secrets by name. Values are encrypted and never shown again.</p>
      <ul>
        {rows.map((row) => (
          <li key={row.name}>
            <code>{row.name}</code>
            {canEdit && (
              <button type="button" onClick={() => remove(row.name)}>
                Delete
              </button>
            )}
          </li>
        ))}
      </ul>
      {canEdit && (
        <form onSubmit={save} className="settings-form">
          <input name="name" placeholder="NAME" aria-label="Secret name" required />
          <input name="value" type="password" placeholder="value" aria-label="Secret value" required />
          <button type="submit">Set secret</button>
        </form>
      )}
      {error && <p role="alert">{error}</p>}
    </section>
  );
}
