'use client';

import type { FlowSpec } from '@parley/engine/flow';

/** The flow's publish rule: off, or the share of tests its latest run on the draft must pass. */
export function PublishPolicy({
  spec,
  edit,
}: {
  spec: FlowSpec;
  edit: (update: (spec: FlowSpec) => FlowSpec) => void;
}) {
  const required = spec.testPolicy?.requiredPassRate;
  const set = (rate: number | undefined) =>
    edit(({ testPolicy: _, ...rest }) =>
      rate === undefined ? rest : { ...rest, testPolicy: { requiredPassRate: rate } },
    );
  return (
    <div className="publish-policy">
      <label>
        <input
          type="checkbox"
          checked={required !== undefined}
          onChange={(e) => set(e.target.checked ? 1 : undefined)}
        />{' '}
        Publishing requires
      </label>{' '}
      <input
        type="number"
        aria-label="Required pass rate (%)"
        min={0}
        max={100}
        step={5}
        disabled={required === undefined}
        value={Math.round((required ?? 1) * 100)}
        onChange={(e) => {
          const percent = Number(e.target.value);
          if (Number.isFinite(percent) && percent >= 0 && percent <= 100) set(percent / 100);
        }}
      />{' '}
      % of the tests to pass on the draft&apos;s latest run
    </div>
  );
}
