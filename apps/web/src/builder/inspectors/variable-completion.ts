/** An open `{{` right before the caret: where it starts and what has been typed after it. */
export interface CompletionQuery {
  start: number;
  typed: string;
}

/** The unfinished `{{name` ending at `caret`, if any. */
export function completionQuery(text: string, caret: number): CompletionQuery | null {
  const match = /\{\{\s*([A-Za-z0-9_]*)$/.exec(text.slice(0, caret));
  return match ? { start: match.index, typed: match[1] ?? '' } : null;
}

/** Replaces the open `{{name` with a finished `{{variable}}`; returns the text and the new caret. */
export function applyCompletion(text: string, caret: number, query: CompletionQuery, variable: string) {
  // Swallow a `}}` the user already typed after the caret.
  const after = text.slice(caret).replace(/^\s*\}\}/, '');
  const inserted = `{{${variable}}}`;
  return { text: text.slice(0, query.start) + inserted + after, caret: query.start + inserted.length };
}
