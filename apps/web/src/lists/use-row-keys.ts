'use client';

import { useState } from 'react';

let issued = 0;
const freshKeys = (count: number) => Array.from({ length: count }, () => `row-${++issued}`);

/**
 * Stable React keys for the rows of an editable list whose items have no id of their own (spec
 * tools, variables, parameters). Each row keeps its key while others are added or removed, so a
 * row's inputs are never handed to its neighbour. Call `removed(i)` with the edit that removes
 * row i; a change of length from elsewhere (undo, redo) adds or drops keys at the end.
 */
export function useRowKeys(count: number): { keys: string[]; removed: (index: number) => void } {
  const [keys, setKeys] = useState(() => freshKeys(count));
  let current = keys;
  if (keys.length !== count) {
    // Adjusting state to a changed prop during render, as React documents, instead of in an effect.
    current = keys.length < count ? [...keys, ...freshKeys(count - keys.length)] : keys.slice(0, count);
    setKeys(current);
  }
  return { keys: current, removed: (index) => setKeys((k) => k.filter((_, i) => i !== index)) };
}
