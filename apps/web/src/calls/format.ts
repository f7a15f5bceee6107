/** A call's length in seconds, or a dash while unknown. */
export function formatDuration(ms: number | null): string {
  if (ms === null) return '—';
  const seconds = Math.round(ms / 1000);
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

/** A date and time in the browser's zone, e.g. "Mar 1, 2026, 09:01:05". */
export function formatWhen(iso: string | null): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString('en', {
    dateStyle: 'medium',
    timeStyle: 'medium',
    hourCycle: 'h23',
  });
}

/** What each call source means to a person reading the list. */
export const sourceLabels: Record<string, string> = {
  test: 'Tester',
  dispatch: 'LiveKit dispatch',
  api: 'Call API',
  embed: 'Web widget',
  sip: 'Phone (SIP)',
};
