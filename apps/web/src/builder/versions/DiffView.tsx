'use client';

import type { ListDiff, SpecDiff } from './spec-diff';
import { isEmptyDiff } from './spec-diff';

/** A readable list of what changed between two versions. */
export function DiffView({ diff }: { diff: SpecDiff }) {
  if (isEmptyDiff(diff)) return <p className="hint">No differences.</p>;
  return (
    <div className="diff" data-testid="version-diff">
      {diff.flow.length > 0 && (
        <section>
          <h4>Flow</h4>
          <ul>
            {diff.flow.map((field) => (
              <li key={field} className="diff-changed">
                changed {field}
              </li>
            ))}
          </ul>
        </section>
      )}
      <ListSection title="Agents" diff={diff.agents} />
      <ListSection title="Handoffs" diff={diff.edges} />
      <ListSection title="Variables" diff={diff.variables} />
      {diff.settings.length > 0 && (
        <section>
          <h4>Settings</h4>
          <ul>
            {diff.settings.map((path) => (
              <li key={path} className="diff-changed">
                changed {path}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function ListSection({ title, diff }: { title: string; diff: ListDiff }) {
  if (diff.added.length + diff.removed.length + diff.changed.length === 0) return null;
  return (
    <section>
      <h4>{title}</h4>
      <ul>
        {diff.added.map((item) => (
          <li key={`+${item.id}`} className="diff-added">
            added {item.label}
          </li>
        ))}
        {diff.removed.map((item) => (
          <li key={`-${item.id}`} className="diff-removed">
            removed {item.label}
          </li>
        ))}
        {diff.changed.map((item) => (
          <li key={`~${item.id}`} className="diff-changed">
            changed {item.label}: {item.fields.join(', ')}
          </li>
        ))}
      </ul>
    </section>
  );
}
