export { type CallEventRow, callEvents } from './call-events';
export { type CallRecord, calls } from './calls';
export { closeDb, getDb } from './client';
export { InvalidFlowError, NotFoundError, RevisionConflictError } from './errors';
export { type FlowRecord, type FlowSummary, flows } from './flows';
export { type VersionRecord, type VersionSummary, versions } from './versions';
