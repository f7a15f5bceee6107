/** `{{name}}` references in instructions and greetings. Names follow variable naming rules. */
const reference = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** Variable names referenced in `text`, in order of first appearance. */
export function referencedVariables(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(reference)) names.add(match[1] as string);
  return [...names];
}

/** Fills `{{name}}` from `values`; unknown or unset names read as "unknown" so prompts stay readable. */
export function renderTemplate(text: string, values: Readonly<Record<string, unknown>>): string {
  return text.replace(reference, (_, name: string) => {
    const value = values[name];
    return value === undefined || value === null || value === '' ? 'unknown' : String(value);
  });
}
