import { describe, expect, it } from 'vitest';
import { createHistory, record, redo, seal, undo } from '../../src/builder/state/history';

describe('history', () => {
  it('undoes and redoes snapshots', () => {
    let h = createHistory(1);
    h = record(h, 2);
    h = record(h, 3);
    h = undo(h);
    expect(h.present).toBe(2);
    h = undo(h);
    expect(h.present).toBe(1);
    expect(undo(h)).toBe(h);
    h = redo(h);
    expect(h.present).toBe(2);
  });

  it('coalesces edits with the same key until sealed', () => {
    let h = createHistory('');
    h = record(h, 'a', 'typing');
    h = record(h, 'ab', 'typing');
    expect(h.past).toEqual(['']);
    h = seal(h);
    h = record(h, 'abc', 'typing');
    expect(h.past).toEqual(['', 'ab']);
    expect(undo(undo(h)).present).toBe('');
  });

  it('drops the redo branch on a new edit', () => {
    const h = record(undo(record(createHistory(1), 2)), 5);
    expect(h.future).toEqual([]);
    expect(redo(h)).toBe(h);
  });
});
