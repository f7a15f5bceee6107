/** DOM id of the input editing a spec path (dots are awkward in CSS selectors). */
export function fieldId(path: string): string {
  return `field-${path.replace(/\./g, '__')}`;
}
