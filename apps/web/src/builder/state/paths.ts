type Plain = Record<string, unknown>;

const isPlain = (value: unknown): value is Plain =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads a dotted path (`a.b.0.c`) from nested objects and arrays. */
export function getPath(root: unknown, path: string): unknown {
  let value = root;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Plain)[key];
  }
  return value;
}

/**
 * Returns a copy of `root` with `path` set to `value`, copying only the objects on the path.
 * `undefined` removes the key, and objects left empty by that are removed too, so specs store
 * only what the user changed.
 */
export function setPath<T>(root: T, path: string, value: unknown): T {
  return setKeys(root, path.split('.'), value) as T;
}

function setKeys(node: unknown, keys: string[], value: unknown): unknown {
  const [key, ...rest] = keys as [string, ...string[]];
  const container: Plain | unknown[] = Array.isArray(node) ? [...node] : isPlain(node) ? { ...node } : {};
  const child = rest.length === 0 ? value : setKeys((container as Plain)[key], rest, value);
  const emptied = child === undefined || (isPlain(child) && Object.keys(child).length === 0 && rest.length > 0);
  if (Array.isArray(container)) container[Number(key)] = child;
  else if (emptied) delete container[key];
  else container[key] = child;
  return container;
}
