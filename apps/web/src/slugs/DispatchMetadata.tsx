'use client';

import { useState } from 'react';

/**
 * The JSON a caller puts in its LiveKit dispatch metadata to reach this flow, with a Copy
 * button; says what is missing while either slug is unset.
 */
export function DispatchMetadata({
  workspaceSlug,
  flowSlug,
}: {
  workspaceSlug: string | null;
  flowSlug: string | null;
}) {
  const [copied, setCopied] = useState(false);
  if (!workspaceSlug || !flowSlug) {
    return (
      <p className="field-help" data-testid="dispatch-metadata-missing">
        {!workspaceSlug
          ? 'Callers need the workspace slug too: an admin sets it in Settings.'
          : 'Set a slug to give callers the dispatch metadata that reaches this flow.'}
      </p>
    );
  }
  const metadata = JSON.stringify({ workspace: workspaceSlug, flow: flowSlug });
  async function copy() {
    await navigator.clipboard.writeText(metadata);
    setCopied(true);
  }
  return (
    <div className="dispatch-metadata">
      <span className="field-label">Dispatch metadata</span>
      <div className="slug-row">
        <code data-testid="dispatch-metadata">{metadata}</code>
        <button type="button" className="secondary" onClick={() => void copy()}>
          {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
      <p className="field-help">What a caller sends when dispatching the agent to a LiveKit room.</p>
    </div>
  );
}
