/**
 * React keys for a list whose items have no id and never move (results, problems): each item is
 * keyed by its content, with a count added when the same content appears again.
 */
export function withContentKeys<T>(items: readonly T[], contentOf: (item: T) => string): [key: string, item: T][] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const content = contentOf(item);
    const count = seen.get(content) ?? 0;
    seen.set(content, count + 1);
    return [count === 0 ? content : `${content}#${count}`, item];
  });
}
