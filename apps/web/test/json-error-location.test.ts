import { describe, expect, it } from 'vitest';
import { locateJsonError } from '../src/server/json-error-location';

describe('locateJsonError', () => {
  it('returns null for every kind of valid JSON', () => {
    for (const text of ['{}', '[]', ' {"a": [1, -2.5e+3, true, false, null, "x\\u00e9\\n"]} ', '"s"', '0', '-0.1E2']) {
      expect(locateJsonError(text), text).toBeNull();
      expect(() => JSON.parse(text)).not.toThrow();
    }
  });

  it.each([
    ['{"a":}', 1, 6, 'unexpected character "}"'],
    ['[1,2,]', 1, 6, 'unexpected character "]"'],
    ['{a:1}', 1, 2, 'expected a property name in double quotes'],
    ['{"a" 1}', 1, 6, 'expected ":" after a property name'],
    ['{"a":1', 1, 7, 'unexpected end of input'],
    ['{"a":1}x', 1, 8, 'unexpected text after the JSON value'],
    ['{\n  "a": tru\n}', 2, 11, 'unexpected character "\\n"'],
    ['\n\n  "abc', 3, 3, 'unterminated string'],
    ['["a\\q"]', 1, 5, 'invalid escape in a string'],
    ['01', 1, 2, 'unexpected text after the JSON value'],
    ['1.', 1, 3, 'unexpected end of input'],
  ])('locates the error in %j at %i:%i', (text, line, column, reason) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(locateJsonError(text)).toEqual({ line, column, reason });
  });
});
