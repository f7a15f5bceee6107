'use client';

import { type FormEvent, useEffect, useState } from 'react';
import type { ApiResult } from '@/src/api/types';
import './slugs.css';

/**
 * One slug's input and Save button. A blank box clears the slug. What the server says is wrong
 * (invalid or taken) shows under the input, which is marked invalid until it changes.
 */
export function SlugForm({
  id,
  name,
  label,
  value,
  canEdit,
  help,
  save,
  onSaved,
}: {
  id: string;
  /** What the form is called for assistive technology, e.g. "Flow slug". */
  name: string;
  label: string;
  /** The stored slug (null: none). */
  value: string | null;
  canEdit: boolean;
  help: string;
  save: (slug: string | null) => Promise<ApiResult<{ slug: string | null }>>;
  onSaved: (slug: string | null) => void;
}) {
  const [text, setText] = useState(value ?? '');
  const [error, setError] = useState<string | null>(null);
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle');
  useEffect(() => setText(value ?? ''), [value]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setState('saving');
    const result = await save(text.trim() === '' ? null : text.trim());
    if (result.ok) {
      setError(null);
      setState('saved');
      onSaved(result.data.slug);
    } else {
      setError(result.error.message);
      setState('idle');
    }
  }

  const changed = text.trim() !== (value ?? '');
  return (
    <form className="slug-form" aria-label={name} onSubmit={submit}>
      <label htmlFor={id}>{label}</label>
      <div className="slug-row">
        <input
          id={id}
          value={text}
          readOnly={!canEdit}
          placeholder="e.g. front-desk"
          spellCheck={false}
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-help${error ? ` ${id}-error` : ''}`}
          onChange={(event) => {
            setText(event.target.value);
            setError(null);
            setState('idle');
          }}
        />
        {canEdit && (
          <button type="submit" disabled={!changed || state === 'saving'}>
            {state === 'saving' ? 'Saving…' : 'Save'}
          </button>
        )}
      </div>
      {error && (
        <p id={`${id}-error`} className="slug-error" role="alert">
          {error}
        </p>
      )}
      {state === 'saved' && !changed && (
        <p className="slug-saved" role="status">
          Saved.
        </p>
      )}
      <p id={`${id}-help`} className="slug-help">
        {help}
      </p>
    </form>
  );
}
