import { signCallToken, verifyCallToken } from './call-token';
import { CallTokenError } from './call-token-error';

// Access to a call's recording is a call token whose callId names the purpose and the call, so it
// can never open a call, and a call's own token can never read or delete its recording.
const purpose = (callId: string) => `recording:${callId}`;
const version = 'recording';

/** A short-lived token (60 s) that lets its holder read, replay or delete call `callId`'s recording. */
export function signRecordingToken(secret: string, callId: string, options: { now?: number } = {}): string {
  return signCallToken(secret, { callId: purpose(callId), flowVersionId: version }, { ttlMs: 60_000, ...options });
}

/** Checks a recording token for call `callId`; throws CallTokenError when it is not one. */
export function verifyRecordingToken(
  secret: string,
  token: string,
  callId: string,
  options: { now?: number } = {},
): void {
  const claims = verifyCallToken(secret, token, options);
  if (claims.callId !== purpose(callId) || claims.flowVersionId !== version) {
    throw new CallTokenError('forged', `the token does not give access to the recording of call ${callId}`);
  }
}
