'use client';

import { useEffect, useRef } from 'react';
import { selectAgents } from '../state/selection';
import { type Clip, copyAgents, pasteClip } from '../state/spec-edits';
import type { FlowEditor } from '../state/use-flow-editor';

const PASTE_STEP = 40;

function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * Undo/redo (Ctrl/Cmd+Z, Shift+Ctrl/Cmd+Z, Ctrl+Y) and copy/paste of agents (Ctrl/Cmd+C/V).
 * Text fields keep their own native undo and clipboard, so these act only outside them.
 */
export function useCanvasShortcuts(editor: FlowEditor): void {
  const clip = useRef<{ clip: Clip; pastes: number } | null>(null);
  const current = useRef(editor);
  current.current = editor;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || isTextEntry(event.target)) return;
      const { spec, selection, edit, undo, redo, setSelection } = current.current;
      const key = event.key.toLowerCase();
      if (key === 'z') {
        event.preventDefault();
        event.shiftKey ? redo() : undo();
      } else if (key === 'y') {
        event.preventDefault();
        redo();
      } else if (key === 'c' && selection.agents.size > 0) {
        event.preventDefault();
        clip.current = { clip: copyAgents(spec, selection.agents), pastes: 0 };
      } else if (key === 'v' && clip.current) {
        event.preventDefault();
        clip.current.pastes += 1;
        const shift = PASTE_STEP * clip.current.pastes;
        const result = pasteClip(spec, clip.current.clip, { x: shift, y: shift });
        edit(() => result.spec);
        setSelection(selectAgents(result.ids));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
