'use client';

import type { FlowSpec } from '@parley/engine/flow';
import { useCallback, useMemo, useState } from 'react';
import { createHistory, type History, record, redo, seal, undo } from './history';
import { emptySelection, type Selection } from './selection';

/** The one editable flow of the builder: the FlowSpec with its undo history, plus the selection. */
export interface FlowEditor {
  spec: FlowSpec;
  /** Applies an edit; edits sharing a `coalesceKey` in a row form one undo step. */
  edit: (update: (spec: FlowSpec) => FlowSpec, coalesceKey?: string) => void;
  /** Closes the current undo step (call when a drag or a text field's editing ends). */
  seal: () => void;
  undo: () => void;
  redo: () => void;
  canUndo: boolean;
  canRedo: boolean;
  selection: Selection;
  setSelection: (selection: Selection | ((current: Selection) => Selection)) => void;
}

/** Holds a FlowSpec as undoable snapshots; every view of the flow reads `spec` from here. */
export function useFlowEditor(initial: FlowSpec): FlowEditor {
  const [history, setHistory] = useState<History<FlowSpec>>(() => createHistory(initial));
  const [selection, setSelection] = useState<Selection>(emptySelection);

  const edit = useCallback((update: (spec: FlowSpec) => FlowSpec, coalesceKey?: string) => {
    setHistory((h) => record(h, update(h.present), coalesceKey ?? null));
  }, []);
  const sealStep = useCallback(() => setHistory(seal), []);
  const undoStep = useCallback(() => setHistory(undo), []);
  const redoStep = useCallback(() => setHistory(redo), []);

  return useMemo(
    () => ({
      spec: history.present,
      edit,
      seal: sealStep,
      undo: undoStep,
      redo: redoStep,
      canUndo: history.past.length > 0,
      canRedo: history.future.length > 0,
      selection,
      setSelection,
    }),
    [history, selection, edit, sealStep, undoStep, redoStep],
  );
}
