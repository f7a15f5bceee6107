'use client';

import { useState } from 'react';

/**
 * `value`, except that while `hold` is true it stays what it was when the hold began. The builder
 * holds the spec during a drag: validation, autosave and the panels see the drop, not every frame.
 */
export function useHeldWhile<T>(value: T, hold: boolean): T {
  const [held, setHeld] = useState(() => value);
  // Adjusting state to a changed prop during render (React re-renders before committing), so the
  // value a hold begins with is the one the last unheld render returned.
  if (!hold && held !== value) setHeld(() => value);
  return hold ? held : value;
}
