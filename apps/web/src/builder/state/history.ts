/** Undo/redo over immutable snapshots. */
export interface History<T> {
  past: T[];
  present: T;
  future: T[];
  /** Edits carrying the same key as the previous one replace it (a drag, typing in one field). */
  coalesceKey: string | null;
}

/** How many snapshots undo keeps. */
export const HISTORY_LIMIT = 200;

/** A history whose only state is `present`. */
export function createHistory<T>(present: T): History<T> {
  return { past: [], present, future: [], coalesceKey: null };
}

/** Records `next` as the present; an edit with the previous edit's key replaces it instead of stacking. */
export function record<T>(history: History<T>, next: T, key: string | null = null): History<T> {
  if (next === history.present) return history;
  if (key !== null && key === history.coalesceKey) return { ...history, present: next, future: [] };
  const past = [...history.past, history.present].slice(-HISTORY_LIMIT);
  return { past, present: next, future: [], coalesceKey: key };
}

/** Ends coalescing, so the next edit starts its own undo step. */
export function seal<T>(history: History<T>): History<T> {
  return history.coalesceKey === null ? history : { ...history, coalesceKey: null };
}

/** Steps back one snapshot, if any. */
export function undo<T>(history: History<T>): History<T> {
  const previous = history.past.at(-1);
  if (previous === undefined) return history;
  return {
    past: history.past.slice(0, -1),
    present: previous,
    future: [history.present, ...history.future],
    coalesceKey: null,
  };
}

/** Steps forward one snapshot, if any. */
export function redo<T>(history: History<T>): History<T> {
  const [next, ...rest] = history.future;
  if (next === undefined) return history;
  return { past: [...history.past, history.present], present: next, future: rest, coalesceKey: null };
}
