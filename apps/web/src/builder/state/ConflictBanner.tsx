'use client';

/** Shown after a 409: someone saved this flow since we loaded it; our edits are kept off the server. */
export function ConflictBanner({ onReload }: { onReload: () => void }) {
  return (
    <div className="conflict-banner" role="alert">
      <strong>Someone else changed this flow.</strong> Your latest edits were not saved, so nothing of theirs was
      overwritten. Reload to get their version, then redo your change.{' '}
      <button type="button" className="primary" onClick={onReload}>
        Reload the flow
      </button>
    </div>
  );
}
