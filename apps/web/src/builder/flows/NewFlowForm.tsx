'use client';

import { templates } from '@parley/engine/templates';
import { type FormEvent, useState } from 'react';
import { flowsApi } from '@/src/api/flows-api';

const BLANK = 'blank';

/** Creates a flow, blank or from a template, and opens it in the builder. */
export function NewFlowForm() {
  const [name, setName] = useState('');
  const [template, setTemplate] = useState(BLANK);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const chosen = templates.find((t) => t.id === template);
    const typed = name.trim();
    const result = chosen
      ? await flowsApi.createFrom({ ...chosen.spec, name: typed || chosen.spec.name })
      : await flowsApi.createBlank({ name: typed || 'Untitled flow' });
    if (result.ok) window.location.assign(`/flows/${encodeURIComponent(result.data.flow.id)}`);
    else {
      setError(result.error.message);
      setBusy(false);
    }
  };

  return (
    <form className="new-flow" onSubmit={submit} aria-label="New flow">
      <div className="field">
        <label htmlFor="new-flow-name">Name</label>
        <input
          id="new-flow-name"
          value={name}
          maxLength={200}
          placeholder="Untitled flow"
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="new-flow-template">Start from</label>
        <select
          id="new-flow-template"
          value={template}
          onChange={(e) => setTemplate(e.target.value)}
          aria-describedby="new-flow-template-help"
        >
          <option value={BLANK}>Blank flow</option>
          {templates.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
        <p id="new-flow-template-help" className="field-help">
          {templates.find((t) => t.id === template)?.description ?? 'One agent with every setting at its default.'}
        </p>
      </div>
      <button type="submit" className="primary" disabled={busy}>
        Create flow
      </button>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
