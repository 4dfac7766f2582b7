// LineIndex turns offsets into the line and column an editor shows, for every line ending.
import { describe, expect, it } from 'vitest';

import { LineIndex } from '../../tools/check/position';

describe('LineIndex', () => {
  it.each([
    ['LF', 'a\nbc\n'],
    ['CRLF', 'a\r\nbc\r\n'],
    ['lone CR', 'a\rbc\r'],
  ])('places the second line after %s', (_ending, text) => {
    const index = new LineIndex(text);
    expect(index.position(text.indexOf('c'))).toEqual({ line: 2, column: 2 });
    expect(index.offset(2, 2)).toBe(text.indexOf('c'));
  });
});
