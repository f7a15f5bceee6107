'use client';

import type { FlowSpec } from '@parley/engine/flow';
import { useCallback, useEffect, useRef, useState } from 'react';
import { flowsApi } from '@/src/api/flows-api';
import { useLatest } from './use-latest';

/** Where the draft stands relative to the server. */
export type SaveStatus =
  | { kind: 'saved' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'error'; message: string }
  | { kind: 'conflict'; message: string };

/** Quiet time after the last edit before the draft is saved. */
export const AUTOSAVE_DELAY_MS = 800;

/** What the builder needs from autosave. */
export interface Autosave {
  status: SaveStatus;
  /** The server's revision of the last saved draft. */
  revision: number;
  /** Saves now (skipping the debounce); resolves true once the latest spec is on the server. */
  flush: () => Promise<boolean>;
}

/**
 * Saves the draft with the revision it was based on, ~800 ms after edits stop. A 409 stops
 * saving for good (the builder offers a reload): another writer's work is never overwritten.
 */
export function useAutosave(flowId: string, spec: FlowSpec, initialRevision: number): Autosave {
  const [status, setStatus] = useState<SaveStatus>({ kind: 'saved' });
  const [revision, setRevision] = useState(initialRevision);
  const latest = useLatest(spec);
  const saved = useRef(spec);
  const revisionRef = useRef(initialRevision);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const stopped = useRef(false);

  const flush = useCallback(async (): Promise<boolean> => {
    if (stopped.current) return false;
    if (inFlight.current) {
      await inFlight.current;
      return flush();
    }
    if (latest.current === saved.current) return true;
    const sending = latest.current;
    setStatus({ kind: 'saving' });
    const attempt = (async () => {
      const result = await flowsApi.save(flowId, { spec: sending, revision: revisionRef.current });
      if (result.ok) {
        saved.current = sending;
        revisionRef.current = result.data.flow.revision;
        setRevision(result.data.flow.revision);
        return true;
      }
      if (result.status === 409) {
        stopped.current = true;
        setStatus({ kind: 'conflict', message: result.error.message });
      } else {
        setStatus({ kind: 'error', message: result.error.message });
      }
      return false;
    })();
    inFlight.current = attempt;
    const ok = await attempt;
    inFlight.current = null;
    if (!ok) return false;
    if (latest.current !== saved.current) return flush();
    setStatus({ kind: 'saved' });
    return true;
  }, [flowId]);

  useEffect(() => {
    if (spec === saved.current || stopped.current) return;
    setStatus((s) => (s.kind === 'saving' ? s : { kind: 'pending' }));
    const timer = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [spec, flush]);

  // Leaving with unsaved (or unsavable) work asks the browser to warn.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (latest.current === saved.current && !inFlight.current) return;
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);

  return { status, revision, flush };
}
