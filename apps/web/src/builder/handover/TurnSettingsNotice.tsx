'use client';

import './handover.css';

/** Says which replayed turn settings were just written into the draft, and how to take them back. */
export function TurnSettingsNotice({
  level,
  summary,
  onDismiss,
}: {
  level: string;
  summary: string;
  onDismiss: () => void;
}) {
  return (
    <div className="handover-notice" role="status" aria-label="Applied turn settings">
      Applied the replayed turn settings to {level}: {summary}. Undo (Ctrl+Z) takes them back in one step.
      <button type="button" className="link" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
