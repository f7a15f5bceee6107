import { describe, expect, it } from 'vitest';
import { evaluateCondition, parseCondition } from '../../src/flow/conditions';
import { parseJsonPath, readJsonPath } from '../../src/flow/json-path';

const run = (source: string, variables: Record<string, string | number | boolean> = {}, result?: unknown) => {
  const parsed = parseCondition(source);
  if (!parsed.ok) throw new Error(parsed.problem);
  return evaluateCondition(parsed.node, { variables, result });
};

describe('condition expressions', () => {
  it('compares variables and the last tool result', () => {
    expect(run('age >= 18 && member', { age: 20, member: true })).toBe(true);
    expect(run('age >= 18 && member', { age: 17, member: true })).toBe(false);
    expect(run('result.status == "paid"', {}, { status: 'paid' })).toBe(true);
    expect(run('result["order-id"] == 7 || !vip', { vip: true }, { 'order-id': 7 })).toBe(true);
    expect(run('(count + 1) * 2 == 6 && name + "!" == "Ann!"', { count: 2, name: 'Ann' })).toBe(true);
  });

  it('is false, never an error, for what it cannot compute', () => {
    expect(run('age > 3')).toBe(false);
    expect(run('result.a.b.c == 1', {}, { a: null })).toBe(false);
    expect(run('"1" == 1')).toBe(false);
  });

  it('never reaches prototypes or runs code', () => {
    expect(run('result.constructor != null', {}, {})).toBe(false);
    expect(run('result.__proto__ != null', {}, {})).toBe(false);
    for (const source of ['alert(1)', 'x = 1', '[1][0] == 1', 'this.x == 1', 'a ? b : c']) {
      expect(parseCondition(source).ok, source).toBe(false);
    }
  });
});

describe('JSON paths of tool-result branches', () => {
  it('reads $.a.b[0]["c d"]', () => {
    const parsed = parseJsonPath('$.a.b[0]["c d"]');
    expect(parsed).toEqual({ ok: true, path: ['a', 'b', 0, 'c d'] });
    if (parsed.ok) expect(readJsonPath({ a: { b: [{ 'c d': 'yes' }] } }, parsed.path)).toBe('yes');
  });

  it('names what it cannot read', () => {
    expect(parseJsonPath('status')).toMatchObject({ ok: false, problem: expect.stringContaining('"$"') });
    expect(parseJsonPath('$.a[*]')).toMatchObject({ ok: false, problem: expect.stringContaining('[*]') });
  });
});
