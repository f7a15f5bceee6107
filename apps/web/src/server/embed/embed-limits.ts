import type { RateLimit } from '@parley/db';
import { takeOrRefuse } from '../auth/rate-limited';
import { clientAddress } from '../auth/sign-in-limits';

/** Widget sessions one visitor address may start per key: 6 a minute (a caller redialling, not a flood). */
export const embedSessionStarts: RateLimit = { limit: 6, windowMs: 60_000 };

/** Counts a widget session start for the visitor's address; 429 `rate_limited` past the limit. */
export async function admitEmbedSession(request: Request, keyId: string): Promise<void> {
  await takeOrRefuse(
    `embed-sessions:${keyId}:${clientAddress(request)}`,
    embedSessionStarts,
    'Too many calls started from this address; wait a minute and try again.',
  );
}
