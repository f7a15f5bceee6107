'use client';

import { type RefObject, useLayoutEffect, useRef } from 'react';

/**
 * A ref holding the latest committed `value`, for callbacks that keep one identity while it
 * changes. It is written after each commit (never during render), before any event can read it.
 */
export function useLatest<T>(value: T): Readonly<RefObject<T>> {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}
