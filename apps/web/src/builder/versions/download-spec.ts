import type { FlowSpec } from '@parley/engine/flow';

/** Downloads a FlowSpec as a pretty-printed JSON file named after the flow. */
export function downloadSpec(spec: FlowSpec): void {
  const blob = new Blob([`${JSON.stringify(spec, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `${spec.name.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'flow'}.json`;
  link.click();
  // Revoke after the click has started the download.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
