import { type ApiKeyRecord, apiKeys } from '@parley/db';
import { ApiError } from '../api-error';

/**
 * The live secret key in the request's `Authorization: Bearer` header; 401 `unauthenticated`
 * saying what is wrong otherwise. Unknown and revoked keys get the same answer, so a stolen
 * list of prefixes tells nothing.
 */
export async function requireSecretKey(request: Request): Promise<ApiKeyRecord> {
  const header = request.headers.get('authorization');
  if (!header) {
    throw new ApiError(
      401,
      'unauthenticated',
      'Send a secret API key in the header "Authorization: Bearer parley_sk_...".',
    );
  }
  const key = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
  if (!key) {
    throw new ApiError(401, 'unauthenticated', 'The Authorization header must be "Bearer <secret API key>".');
  }
  if (!key.startsWith('parley_sk_')) {
    throw new ApiError(
      401,
      'unauthenticated',
      'This is not a secret API key (they start with parley_sk_); publishable keys cannot start calls here.',
    );
  }
  const record = await apiKeys.verify(key, 'secret');
  if (!record) throw new ApiError(401, 'unauthenticated', 'The API key is unknown or has been revoked.');
  return record;
}
