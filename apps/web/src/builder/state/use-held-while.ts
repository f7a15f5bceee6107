'use client';

import { useRef } from 'react';

/**
 * `value`, except that while `hold` is true it stays what it was when the hold began. The builder
 * holds the spec during a drag: validation, autosave and the panels see the drop, not every frame.
 */
export function useHeldWhile<T>(value: T, hold: boolean): T {
  const held = useRef(value);
  // Written during render on purpose: the held value must be the one this very render returns.
  if (!hold) held.current = value;
  return held.current;
}
