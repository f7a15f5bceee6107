import type { FlowSpec } from '@parley/engine/flow';

/** One agent, handoff or variable that differs between two specs. */
export interface ItemChange {
  id: string;
  label: string;
  /** Dotted paths of the fields that changed (only for changed items). */
  fields: string[];
}

/** Added, removed and changed items of one list. */
export interface ListDiff {
  added: ItemChange[];
  removed: ItemChange[];
  changed: ItemChange[];
}

/** Everything that differs between two FlowSpecs. */
export interface SpecDiff {
  /** Changed flow-level fields: name, description, entryAgentId. */
  flow: string[];
  agents: ListDiff;
  edges: ListDiff;
  variables: ListDiff;
  /** Changed setting paths, e.g. `turnHandling.endpointing.minDelay`. */
  settings: string[];
}

type Plain = Record<string, unknown>;
const isPlain = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Paths of the leaves that differ; arrays and the keys in `atomic` compare as a whole. */
function changedPaths(before: unknown, after: unknown, atomic: ReadonlySet<string> = new Set(), prefix = ''): string[] {
  if (isPlain(before) && isPlain(after) && !atomic.has(prefix)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) => changedPaths(before[key], after[key], atomic, prefix ? `${prefix}.${key}` : key));
  }
  if (isPlain(before) !== isPlain(after) && (isPlain(before) || isPlain(after)) && !atomic.has(prefix)) {
    // A section appearing or disappearing: report its leaves against nothing.
    return changedPaths(isPlain(before) ? before : {}, isPlain(after) ? after : {}, atomic, prefix);
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [prefix];
}

function diffList<T>(
  before: T[],
  after: T[],
  key: (item: T) => string,
  label: (item: T) => string,
  atomic?: ReadonlySet<string>,
): ListDiff {
  const old = new Map(before.map((item) => [key(item), item]));
  const now = new Map(after.map((item) => [key(item), item]));
  const entry = (item: T, fields: string[] = []): ItemChange => ({ id: key(item), label: label(item), fields });
  return {
    added: after.filter((item) => !old.has(key(item))).map((item) => entry(item)),
    removed: before.filter((item) => !now.has(key(item))).map((item) => entry(item)),
    changed: after.flatMap((item) => {
      const previous = old.get(key(item));
      if (previous === undefined) return [];
      const fields = changedPaths(previous, item, atomic);
      return fields.length > 0 ? [entry(item, fields)] : [];
    }),
  };
}

/** Compares two FlowSpecs: agents and handoffs by id, variables by name, settings leaf by leaf. */
export function diffSpecs(before: FlowSpec, after: FlowSpec): SpecDiff {
  const names = new Map([...before.agents, ...after.agents].map((a) => [a.id, a.name]));
  return {
    flow: (['name', 'description', 'entryAgentId'] as const).filter((k) => before[k] !== after[k]),
    agents: diffList(
      before.agents,
      after.agents,
      (a) => a.id,
      (a) => a.name,
      new Set(['position']),
    ),
    edges: diffList(
      before.edges,
      after.edges,
      (e) => e.id,
      (e) => `${names.get(e.from) ?? e.from} → ${names.get(e.to) ?? e.to}`,
    ),
    variables: diffList(
      before.variables,
      after.variables,
      (v) => v.name,
      (v) => v.name,
    ),
    settings: changedPaths(before.settings, after.settings),
  };
}

/** True when two specs had nothing to compare apart. */
export function isEmptyDiff(diff: SpecDiff): boolean {
  const lists = [diff.agents, diff.edges, diff.variables];
  return (
    diff.flow.length === 0 &&
    diff.settings.length === 0 &&
    lists.every((l) => l.added.length + l.removed.length + l.changed.length === 0)
  );
}
