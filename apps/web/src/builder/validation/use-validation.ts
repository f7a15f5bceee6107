'use client';

import { type FlowSpec, validate } from '@parley/engine/flow';
import { useMemo } from 'react';
import { useDebouncedValue } from '../state/use-debounced-value';
import { type IssueIndex, indexIssues } from './issue-index';

/** How long edits must pause before validate() runs again (keeps drags smooth on big flows). */
const VALIDATE_DELAY_MS = 150;

/** validate() over the spec being edited, re-run shortly after each change. */
export function useValidation(spec: FlowSpec): IssueIndex {
  const settled = useDebouncedValue(spec, VALIDATE_DELAY_MS);
  return useMemo(() => indexIssues(settled, validate(settled).issues), [settled]);
}
