'use client';

import { csrfToken } from './csrf-token';

/** Ends the session and returns to the sign-in page. */
export function SignOutButton() {
  async function signOut() {
    await fetch('/api/auth/signout', { method: 'POST', headers: { 'x-csrf-token': csrfToken() } }).catch(() => null);
    window.location.assign('/signin');
  }
  return (
    <button type="button" className="signout" onClick={signOut}>
      Sign out
    </button>
  );
}
