import type { UserRecord } from '@parley/db';
import { startSession } from './session';

/** 200/201 with the user and CSRF token, setting the session cookies. */
export async function sessionResponse(user: UserRecord, request: Request, status = 200): Promise<Response> {
  const { cookies, csrfToken } = await startSession(user.id, request);
  const headers = new Headers({ 'cache-control': 'no-store' });
  for (const cookie of cookies) headers.append('set-cookie', cookie);
  return Response.json({ user: { id: user.id, email: user.email }, csrfToken }, { status, headers });
}
