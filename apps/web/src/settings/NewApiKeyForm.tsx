'use client';

import { type FormEvent, useState } from 'react';
import { request } from '@/src/api/request';
import type { CreatedApiKey, FlowChoice } from './api-key-types';

/** Admins name a new secret key and pick the flows it may start calls of (at least one). */
export function NewApiKeyForm({
  flows,
  onCreated,
}: {
  flows: FlowChoice[];
  onCreated: (created: CreatedApiKey) => void;
}) {
  const [error, setError] = useState<string | null>(null);

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const flowIds = data.getAll('flowIds').map(String);
    if (flowIds.length === 0) {
      setError('Choose at least one flow the key may start calls of.');
      return;
    }
    const result = await request<CreatedApiKey>('POST', '/api/api-keys', {
      name: data.get('name'),
      kind: 'secret',
      flowIds,
    });
    setError(result.ok ? null : result.error.message);
    if (!result.ok) return;
    form.reset();
    onCreated(result.data);
  }

  return (
    <form onSubmit={create} className="api-key-form" aria-label="New API key">
      <input name="name" placeholder="name, e.g. booking backend" aria-label="Key name" required maxLength={100} />
      <fieldset>
        <legend>Flows this key may start calls of</legend>
        {flows.length === 0 && <p>Create a flow first.</p>}
        {flows.map((flow) => (
          <label key={flow.id}>
            <input type="checkbox" name="flowIds" value={flow.id} /> {flow.name}
          </label>
        ))}
      </fieldset>
      <button type="submit">Create key</button>
      {error && <p role="alert">{error}</p>}
    </form>
  );
}
