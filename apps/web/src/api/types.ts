import type { ValidationIssue } from '@parley/engine/flow';
import type { z } from 'zod';
import type { ApiErrorCode } from '../server/api-error';
import type {
  callPageResponse,
  callResponse,
  callWithEventsResponse,
  flowListResponse,
  flowRecordResponse,
  flowSlugResponse,
  flowWithIssuesResponse,
  scenarioRunResponse,
  startedCallResponse,
  versionDetailResponse,
  versionListResponse,
  versionSummaryResponse,
  workspaceSlugResponse,
} from '../server/response-schemas';

// The browser's view of the API, derived from the schemas the server sends its answers through
// (type-only imports: no server code reaches the bundle).

/** A flow as GET /api/flows/:id returns it (dates as ISO strings). */
export type FlowRecord = z.output<typeof flowRecordResponse>;
/** The body of every single-flow answer: the record and validate()'s issues on its draft. */
export type FlowWithIssues = z.output<typeof flowWithIssuesResponse>;
/** GET /api/flows. */
export type FlowList = z.output<typeof flowListResponse>;
/** One row of GET /api/flows. */
export type FlowSummary = FlowList['flows'][number];
/** POST publish / rollback. */
export type VersionReply = z.output<typeof versionSummaryResponse>;
/** GET /api/flows/:id/versions. */
export type VersionList = z.output<typeof versionListResponse>;
/** One row of GET /api/flows/:id/versions. */
export type VersionSummary = VersionList['versions'][number];
/** GET /api/flows/:id/versions/:number. */
export type VersionDetailReply = z.output<typeof versionDetailResponse>;
/** A version with its immutable spec. */
export type VersionDetail = VersionDetailReply['version'];
/** A call as GET /api/flows/:id/calls and GET /api/calls/:id show it. */
export type CallSummary = z.output<typeof callResponse>;
/** GET /api/calls: a page of the workspace's calls and the cursor of the next. */
export type CallPage = z.output<typeof callPageResponse>;
/** One row of GET /api/calls: a call and its flow's name. */
export type CallListItem = CallPage['calls'][number];
/** GET /api/calls/:id. */
export type CallWithEvents = z.output<typeof callWithEventsResponse>;
/** What POST /api/flows/:id/calls answers. */
export type StartedCall = z.output<typeof startedCallResponse>;
/** POST /api/flows/:id/scenarios/run. */
export type ScenarioRun = z.output<typeof scenarioRunResponse>;

/** GET/PUT /api/flows/:id/slug: the flow's slug and its workspace's. */
export type FlowSlug = z.output<typeof flowSlugResponse>;
/** GET/PUT /api/workspace/slug. */
export type WorkspaceSlug = z.output<typeof workspaceSlugResponse>;

/** The API's one error shape. */
export interface ApiErrorInfo {
  /** The server's code, or network_error / http_error when no API answer came back. */
  code: ApiErrorCode | 'network_error' | 'http_error';
  message: string;
  issues?: ValidationIssue[];
  currentRevision?: number;
}

/** Outcome of one request: the body, or the status and error the API sent. */
export type ApiResult<T> = { ok: true; status: number; data: T } | { ok: false; status: number; error: ApiErrorInfo };
