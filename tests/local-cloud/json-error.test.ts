import { describe, expect, it } from 'vitest';

import { locateJsonError } from '../../local-cloud/json-error';

describe('locateJsonError', () => {
  it('returns undefined for valid JSON', () => {
    expect(locateJsonError('{"a":[1,-2.5e3,"\\u00e9",null,true,false,{}]}')).toBeUndefined();
  });

  it.each([
    ['{"a":}', 5],
    ['{a:1}', 1],
    ['{"a":1', 6],
    ['[1,2,,]', 5],
    ['{"a":1} x', 8],
    ['"bad \\q"', 6],
    ['', 0],
  ])('locates error in %j', (text, offset) => {
    expect(locateJsonError(text)?.offset).toBe(offset);
  });

  it('counts lines and columns', () => {
    expect(locateJsonError('{"a": 1,\n "b": tru}')).toEqual({ offset: 15, line: 2, column: 7 });
  });
});
