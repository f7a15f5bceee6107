'use client';

import { type FormEvent, useState } from 'react';

interface CredentialsFormProps {
  /** Where the form posts { email, password }. */
  action: '/api/auth/signin' | '/api/auth/setup';
  submitLabel: string;
  /** Shown under the password field (e.g. the minimum length). */
  passwordHint?: string;
  /** First-run setup: also ask for the one-time setup code the server printed. */
  withSetupCode?: boolean;
}

/** Email + password form for sign-in and first-run setup; goes to the flows list once accepted. */
export function CredentialsForm({ action, submitLabel, passwordHint, withSetupCode }: CredentialsFormProps) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    const response = await fetch(action, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: form.get('email'),
        password: form.get('password'),
        ...(withSetupCode ? { setupCode: form.get('setupCode') } : {}),
      }),
    }).catch(() => null);
    if (response?.ok) {
      window.location.assign('/');
      return;
    }
    const body = (await response?.json().catch(() => null)) as { error?: { message?: string } } | null;
    setError(body?.error?.message ?? 'The server could not be reached.');
    setBusy(false);
  }

  return (
    <form className="auth-form" onSubmit={submit}>
      {withSetupCode && (
        <>
          <label>
            Setup code
            <input name="setupCode" autoComplete="off" spellCheck={false} required />
          </label>
          <p className="auth-hint">Printed in the console where Parley was started: "Parley setup code: …".</p>
        </>
      )}
      <label>
        Email
        <input name="email" type="email" autoComplete="email" required />
      </label>
      <label>
        Password
        <input
          name="password"
          type="password"
          autoComplete={action === '/api/auth/setup' ? 'new-password' : 'current-password'}
          required
        />
      </label>
      {passwordHint && <p className="auth-hint">{passwordHint}</p>}
      {error && (
        <p role="alert" className="auth-error">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {submitLabel}
      </button>
    </form>
  );
}
