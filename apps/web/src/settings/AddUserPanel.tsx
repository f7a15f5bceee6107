'use client';

import { type FormEvent, useState } from 'react';
import { request } from '@/src/api/request';

/** Admins add accounts: a colleague in this workspace, or someone with a workspace of their own. */
export function AddUserPanel() {
  const [message, setMessage] = useState<string | null>(null);

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const result = await request<{ user: { email: string } }>('POST', '/api/users', {
      email: data.get('email'),
      password: data.get('password'),
      workspace: data.get('workspace'),
    });
    setMessage(result.ok ? `Added ${result.data.user.email}.` : result.error.message);
    if (result.ok) form.reset();
  }

  return (
    <section className="settings-panel" aria-label="Add a user">
      <h2>Add a user</h2>
      <form onSubmit={add} className="settings-form">
        <input name="email" type="email" placeholder="email" aria-label="New user's email" required />
        <input name="password" type="password" placeholder="password" aria-label="New user's password" required />
        <select name="workspace" aria-label="Workspace" defaultValue="this">
          <option value="this">This workspace</option>
          <option value="new">A workspace of their own</option>
        </select>
        <button type="submit">Add user</button>
      </form>
      {message && <p role="status">{message}</p>}
    </section>
  );
}
