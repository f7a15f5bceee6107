'use client';

import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { request } from '@/src/api/request';

/** Hosts and ranges the workspace's webhooks may reach although they are private or loopback. */
export function AllowListPanel({ canEdit }: { canEdit: boolean }) {
  const [entries, setEntries] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    const result = await request<{ entries: { entry: string }[] }>('GET', '/api/webhook-allowlist');
    if (result.ok) setEntries(result.data.entries.map((row) => row.entry));
    else setError(result.error.message);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const result = await request('POST', '/api/webhook-allowlist', { entry: new FormData(form).get('entry') });
    setError(result.ok ? null : result.error.message);
    if (result.ok) form.reset();
    await load();
  }

  async function remove(entry: string) {
    const result = await request('DELETE', `/api/webhook-allowlist?entry=${encodeURIComponent(entry)}`);
    setError(result.ok ? null : result.error.message);
    await load();
  }

  return (
    <section className="settings-panel" aria-label="Webhook allow-list">
      <h2>Webhook allow-list</h2>
      <p>
        Webhooks may not reach private, loopback, link-local or cloud metadata addresses unless the host or range is
        listed here.
      </p>
      <ul>
        {entries.map((entry) => (
          <li key={entry}>
            <code>{entry}</code>
            {canEdit && (
              <button type="button" onClick={() => remove(entry)}>
                Remove
              </button>
            )}
          </li>
        ))}
      </ul>
      {canEdit && (
        <form onSubmit={add} className="settings-form">
          <input name="entry" placeholder="hooks.internal or 10.0.0.0/8" aria-label="Host or range" required />
          <button type="submit">Allow</button>
        </form>
      )}
      {error && <p role="alert">{error}</p>}
    </section>
  );
}
