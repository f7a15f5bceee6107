/** The call list's filters as the form holds them: '' means any. Dates are local YYYY-MM-DD. */
export interface CallFilters {
  flowId: string;
  version: string;
  status: string;
  source: string;
  from: string;
  to: string;
}

/** The filter names, in the order the page's URL lists them. */
export const filterNames = ['flowId', 'version', 'status', 'source', 'from', 'to'] as const;

/** No filter: every call. */
export const noFilters: CallFilters = { flowId: '', version: '', status: '', source: '', from: '', to: '' };

/** The filters a page URL's query names (unknown parameters ignored). */
export function filtersFromParams(params: Record<string, string | string[] | undefined>): CallFilters {
  const filters = { ...noFilters };
  for (const name of filterNames) {
    const value = params[name];
    if (typeof value === 'string') filters[name] = value;
  }
  return filters;
}

/** The filters as the Calls page's own URL query (as typed, blanks left out). */
export function pageQuery(filters: CallFilters): string {
  const query = new URLSearchParams();
  for (const name of filterNames) if (filters[name]) query.set(name, filters[name]);
  return query.size > 0 ? `?${query}` : '';
}

// The API takes instants: a day chosen in the browser runs from its local midnight to the next.
const localMidnight = (day: string, addDays = 0) => {
  const date = new Date(`${day}T00:00:00`);
  date.setDate(date.getDate() + addDays);
  return Number.isNaN(date.getTime()) ? day : date.toISOString();
};

/** The GET /api/calls query for the filters, one page of `limit` after `cursor`. */
export function apiQuery(filters: CallFilters, cursor: string | null, limit: number): URLSearchParams {
  const query = new URLSearchParams();
  if (filters.flowId) query.set('flowId', filters.flowId);
  if (filters.flowId && filters.version) query.set('version', filters.version);
  if (filters.status) query.set('status', filters.status);
  if (filters.source) query.set('source', filters.source);
  // "To" includes the whole day chosen.
  if (filters.from) query.set('from', localMidnight(filters.from));
  if (filters.to) query.set('to', localMidnight(filters.to, 1));
  if (cursor) query.set('cursor', cursor);
  query.set('limit', String(limit));
  return query;
}
