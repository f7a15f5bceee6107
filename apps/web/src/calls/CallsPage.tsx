'use client';

import { useEffect, useState } from 'react';
import { callsApi } from '@/src/api/calls-api';
import { flowsApi } from '@/src/api/flows-api';
import type { CallListItem, FlowSummary } from '@/src/api/types';
import './calls.css';
import { CallFiltersForm } from './CallFiltersForm';
import { CallsTable } from './CallsTable';
import { apiQuery, type CallFilters, noFilters, pageQuery } from './call-query';
import { ReplaySetPanel } from './review/ReplaySetPanel';
import { useCallPicking } from './use-call-picking';

/** Calls per page. */
const pageSize = 25;

type Loaded =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; calls: CallListItem[]; nextCursor: string | null };

/**
 * Every call of the workspace (tester and production), filtered and a page at a time. The
 * filters live in the page's URL, so going back from a call returns to the same list.
 */
export function CallsPage({ initialFilters }: { initialFilters: CallFilters }) {
  const [filters, setFilters] = useState(initialFilters);
  // The cursor of each page shown so far: the last is the current page's (null: the first page).
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [flows, setFlows] = useState<FlowSummary[]>([]);
  const [reloads, setReloads] = useState(0);
  const cursor = cursors.at(-1) ?? null;
  const picking = useCallPicking();

  useEffect(() => {
    void flowsApi.list().then((result) => {
      if (result.ok) setFlows([...result.data.flows].sort((a, b) => a.name.localeCompare(b.name)));
    });
  }, []);

  // `reloads` is in the list on purpose: Retry and Refresh load the same page again.
  useEffect(() => {
    let current = true;
    setLoaded({ kind: 'loading' });
    void callsApi.listWorkspaceCalls(apiQuery(filters, cursor, pageSize)).then((result) => {
      if (!current) return;
      setLoaded(result.ok ? { kind: 'ready', ...result.data } : { kind: 'error', message: result.error.message });
    });
    return () => {
      current = false;
    };
  }, [filters, cursor, reloads]);

  function changeFilters(next: CallFilters) {
    setFilters(next);
    setCursors([null]);
    window.history.replaceState(null, '', `/calls${pageQuery(next)}`);
  }

  const filtered = Object.values(filters).some(Boolean);
  const pageNumber = cursors.length;
  return (
    <div className="calls-page">
      <div className="calls-heading">
        <div>
          <h1>Calls</h1>
          <p className="muted">
            Every call of this workspace: test calls from the builder and calls from real callers.
          </p>
        </div>
        <div className="calls-toolbar-actions">
          {filtered && (
            <button type="button" className="secondary" onClick={() => changeFilters(noFilters)}>
              Clear filters
            </button>
          )}
          <button type="button" className="secondary" onClick={() => setReloads((n) => n + 1)}>
            Refresh
          </button>
        </div>
      </div>
      <div className="calls-toolbar">
        <CallFiltersForm filters={filters} flows={flows} onChange={changeFilters} />
      </div>
      {loaded.kind === 'error' && (
        <div className="calls-problem" role="alert">
          <strong>Could not load the calls</strong>
          <p>{loaded.message}</p>
          <button type="button" onClick={() => setReloads((n) => n + 1)}>
            Retry
          </button>
        </div>
      )}
      {loaded.kind === 'loading' && <p className="muted">Loading calls…</p>}
      {loaded.kind === 'ready' &&
        (loaded.calls.length === 0 && pageNumber === 1 ? (
          <div className="empty">
            <h2>{filtered ? 'No calls match these filters' : 'No calls yet'}</h2>
            <p>
              {filtered
                ? 'Change or clear the filters to see more calls.'
                : 'Calls appear here once someone calls a flow, or you test one in the builder.'}
            </p>
          </div>
        ) : (
          <>
            <CallsTable calls={loaded.calls} picking={picking} />
            <nav className="calls-paging" aria-label="Pages">
              <button
                type="button"
                className="secondary"
                disabled={pageNumber === 1}
                onClick={() => setCursors((list) => list.slice(0, -1))}
              >
                ← Newer
              </button>
              <span className="muted">Page {pageNumber}</span>
              <button
                type="button"
                className="secondary"
                disabled={!loaded.nextCursor}
                onClick={() => setCursors((list) => [...list, loaded.nextCursor])}
              >
                Older →
              </button>
            </nav>
          </>
        ))}
      {picking.calls.length > 0 && <ReplaySetPanel calls={picking.calls} onClear={picking.clear} />}
    </div>
  );
}
