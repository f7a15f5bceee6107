'use client';

import type { SaveStatus } from './use-autosave';

const labels: Record<SaveStatus['kind'], string> = {
  saved: 'All changes saved',
  pending: 'Unsaved changes',
  saving: 'Saving…',
  error: 'Save failed',
  conflict: 'Not saved: conflict',
};

/** Where the draft stands: saved, waiting, saving, or failed (with a retry). */
export function SaveIndicator({ status, onRetry }: { status: SaveStatus; onRetry: () => void }) {
  return (
    <span className={`save-status ${status.kind}`} role="status" data-testid="save-status" data-state={status.kind}>
      {labels[status.kind]}
      {status.kind === 'error' && (
        <>
          {': '}
          {status.message}{' '}
          <button type="button" onClick={onRetry}>
            Retry
          </button>
        </>
      )}
    </span>
  );
}
