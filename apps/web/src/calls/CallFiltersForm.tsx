'use client';

import type { FlowSummary } from '@/src/api/types';
import { callSources, callStatuses } from '@/src/server/call-values';
import type { CallFilters } from './call-query';
import { sourceLabels } from './format';

/** The call list's filters: flow, version (of the chosen flow), status, source and a date range. */
export function CallFiltersForm({
  filters,
  flows,
  onChange,
}: {
  filters: CallFilters;
  flows: FlowSummary[];
  onChange: (filters: CallFilters) => void;
}) {
  const set = (name: keyof CallFilters) => (event: { target: { value: string } }) =>
    onChange({ ...filters, [name]: event.target.value, ...(name === 'flowId' && { version: '' }) });
  const flow = flows.find((f) => f.id === filters.flowId);
  return (
    <form className="call-filters" aria-label="Filter calls" onSubmit={(event) => event.preventDefault()}>
      <div className="call-filter">
        <label htmlFor="calls-filter-flow">Flow</label>
        <select id="calls-filter-flow" value={filters.flowId} onChange={set('flowId')}>
          <option value="">All flows</option>
          {flows.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name}
            </option>
          ))}
        </select>
      </div>
      <div className="call-filter">
        <label htmlFor="calls-filter-version">Version</label>
        <select id="calls-filter-version" value={filters.version} onChange={set('version')} disabled={!flow}>
          <option value="">{flow ? 'All versions' : 'Choose a flow'}</option>
          {flow &&
            Array.from({ length: flow.versionCount }, (_, i) => flow.versionCount - i).map((n) => (
              <option key={n} value={String(n)}>
                v{n}
              </option>
            ))}
        </select>
      </div>
      <div className="call-filter">
        <label htmlFor="calls-filter-status">Status</label>
        <select id="calls-filter-status" value={filters.status} onChange={set('status')}>
          <option value="">Any status</option>
          {callStatuses.map((status) => (
            <option key={status} value={status}>
              {status}
            </option>
          ))}
        </select>
      </div>
      <div className="call-filter">
        <label htmlFor="calls-filter-source">Source</label>
        <select id="calls-filter-source" value={filters.source} onChange={set('source')}>
          <option value="">Any source</option>
          {callSources.map((source) => (
            <option key={source} value={source}>
              {sourceLabels[source]}
            </option>
          ))}
        </select>
      </div>
      <div className="call-filter">
        <label htmlFor="calls-filter-from">From</label>
        <input
          id="calls-filter-from"
          type="date"
          value={filters.from}
          max={filters.to || undefined}
          onChange={set('from')}
        />
      </div>
      <div className="call-filter">
        <label htmlFor="calls-filter-to">To</label>
        <input
          id="calls-filter-to"
          type="date"
          value={filters.to}
          min={filters.from || undefined}
          onChange={set('to')}
        />
      </div>
    </form>
  );
}
