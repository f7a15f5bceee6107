import { InvalidFlowError, NotFoundError, RevisionConflictError } from '@parley/db';
import { ApiError } from './api-error';

/** Translates the repositories' errors into API errors; returns null for anything else. */
export function fromDbError(error: unknown): ApiError | null {
  if (error instanceof NotFoundError) return new ApiError(404, 'not_found', error.message);
  if (error instanceof RevisionConflictError) {
    return new ApiError(
      409,
      'revision_conflict',
      `The draft changed since the revision you edited; it is now at revision ${error.currentRevision}. Reload it and apply your change again.`,
      { currentRevision: error.currentRevision },
    );
  }
  if (error instanceof InvalidFlowError) {
    return new ApiError(422, 'flow_has_errors', 'The flow has errors; fix them before publishing.', {
      issues: error.issues,
    });
  }
  return null;
}
