import { authed } from '@/src/server/auth/api-auth';
import { endSession } from '@/src/server/auth/session';

/** Ends the session and clears its cookies. */
export const POST = authed(async (request) => {
  const headers = new Headers();
  for (const cookie of await endSession(request)) headers.append('set-cookie', cookie);
  return new Response(null, { status: 204, headers });
});
