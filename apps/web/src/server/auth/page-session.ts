import { type SessionRecord, users } from '@parley/db';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { sessionCookie } from './cookies';
import { sessionFromCookieHeader } from './session';

/** The session of the page request, or null (server components only). */
export async function pageSession(): Promise<SessionRecord | null> {
  const token = (await cookies()).get(sessionCookie)?.value;
  return token ? sessionFromCookieHeader(`${sessionCookie}=${token}`) : null;
}

/** The signed-in session; otherwise redirects to /setup on first run, else to /signin. */
export async function requirePageSession(): Promise<SessionRecord> {
  const session = await pageSession();
  if (session) return session;
  redirect((await users.count()) === 0 ? '/setup' : '/signin');
}
