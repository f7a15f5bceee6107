export { type AllowEntryRecord, allowlist } from './allowlist';
export { type ApiKeyKind, type ApiKeyRecord, apiKeys } from './api-keys';
export { type AuditInput, type AuditRecord, audit } from './audit';
export { type CallEventRow, callEvents, EventSeqTakenError } from './call-events';
export { callLeases } from './call-leases';
export {
  type CallCursor,
  type CallFilter,
  type CallListing,
  type CallPage,
  decodeCallCursor,
  maxCallPageSize,
} from './call-listing';
export { type CallRecord, type CallSource, type CallVariables, calls, type NewCallDetails } from './calls';
export { closeDb, getDb } from './client';
export { CallCapReachedError, InvalidFlowError, NotFoundError, RevisionConflictError } from './errors';
export { type FlowWebhookRecord, flowWebhooks, webhookUrlProblem } from './flow-webhooks';
export { type FlowRecord, type FlowSummary, flows } from './flows';
export { type RateLimit, rateLimits } from './rate-limits';
export { maxRetentionDays, recordings } from './recordings';
export { forWorkspace, type WorkspaceRepositories } from './scoped';
export { maxSecretLength, type SecretName, secretNamePattern, secrets } from './secrets';
export { type SessionRecord, sessions } from './sessions';
export { setupCodes } from './setup-codes';
export { checkSlug, SLUG_PATTERN, SlugError, slugs } from './slugs';
export { type TestRunSummary, testRuns } from './test-runs';
export { type UserCredentials, UserExistsError, type UserRecord, users } from './users';
export { type VersionRecord, type VersionSummary, versions } from './versions';
export {
  type AttemptOutcome,
  type ClaimedDelivery,
  type DeliveryAttempt,
  type DeliveryRecord,
  webhookDeliveries,
} from './webhook-deliveries';
export { type MembershipRecord, type WorkspaceRecord, workspaces } from './workspaces';
