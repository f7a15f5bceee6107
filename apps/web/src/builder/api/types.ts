import type { FlowSpec, ValidationIssue } from '@parley/engine/flow';

/** A flow as GET /api/flows/:id returns it (dates as ISO strings). */
export interface FlowRecord {
  id: string;
  name: string;
  draft: FlowSpec;
  revision: number;
  liveVersionId: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The body of every single-flow answer: the record and validate()'s issues on its draft. */
export interface FlowWithIssues {
  flow: FlowRecord;
  issues: ValidationIssue[];
}

/** One row of GET /api/flows. */
export interface FlowSummary {
  id: string;
  name: string;
  description?: string;
  updatedAt: string;
  versionCount: number;
  liveVersion: { number: number } | null;
}

/** One row of GET /api/flows/:id/versions. */
export interface VersionSummary {
  id: string;
  number: number;
  kind: string;
  note: string;
  createdAt: string;
  live: boolean;
}

/** A version with its immutable spec. */
export interface VersionDetail extends VersionSummary {
  spec: FlowSpec;
}

/** The API's one error shape. */
export interface ApiErrorInfo {
  code: string;
  message: string;
  issues?: ValidationIssue[];
  currentRevision?: number;
}

/** Outcome of one request: the body, or the status and error the API sent. */
export type ApiResult<T> = { ok: true; status: number; data: T } | { ok: false; status: number; error: ApiErrorInfo };
