/**
 * Focuses the input editing `path` (or, failing that, its nearest enclosing section), opening
 * collapsed sections on the way. Returns false when nothing on the page edits that path.
 */
export function focusField(path: string): boolean {
  const parts = path.split('.');
  for (let n = parts.length; n > 0; n--) {
    const target = document.querySelector<HTMLElement>(`[data-path="${CSS.escape(parts.slice(0, n).join('.'))}"]`);
    if (!target) continue;
    for (let parent = target.parentElement; parent; parent = parent.parentElement) {
      if (parent instanceof HTMLDetailsElement) parent.open = true;
    }
    target.focus();
    target.scrollIntoView({ block: 'nearest' });
    return true;
  }
  return false;
}
