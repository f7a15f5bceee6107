import { signCallToken, verifyCallToken } from './call-token';
import { CallTokenError } from './call-token-error';

// A scenario run is authorized by a call token whose callId names the purpose and the version:
// it can never open a call (no call has this id), and a call's token can never run scenarios.
const purpose = (flowVersionId: string) => `scenarios:${flowVersionId}`;

/** A short-lived token (60 s) that lets its holder run the scenarios of version `flowVersionId`. */
export function signScenarioRunToken(secret: string, flowVersionId: string, options: { now?: number } = {}): string {
  return signCallToken(secret, { callId: purpose(flowVersionId), flowVersionId }, { ttlMs: 60_000, ...options });
}

/** Checks a scenario-run token for version `flowVersionId`; throws CallTokenError when it is not one. */
export function verifyScenarioRunToken(
  secret: string,
  token: string,
  flowVersionId: string,
  options: { now?: number } = {},
): void {
  const claims = verifyCallToken(secret, token, options);
  if (claims.callId !== purpose(flowVersionId) || claims.flowVersionId !== flowVersionId) {
    throw new CallTokenError('forged', `the token does not allow running the scenarios of version ${flowVersionId}`);
  }
}
