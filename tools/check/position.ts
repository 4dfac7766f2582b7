// Converts character offsets in a file's text to 1-based line and column numbers.

export interface Position {
  line: number;
  column: number;
}

/** Maps offsets of one text to positions. Build it once per file and reuse it. */
export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(text: string) {
    // A lone carriage return ends a line too, as in editors and JavaScript parsers.
    for (let i = 0; i < text.length; i++) {
      const ends = text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n');
      if (ends) this.lineStarts.push(i + 1);
    }
  }

  /** Returns the 1-based line and column of a 0-based offset. */
  position(offset: number): Position {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.lineStarts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - this.lineStarts[low] + 1 };
  }

  /** Returns the 0-based offset of a 1-based line and column. */
  offset(line: number, column: number): number {
    const start = this.lineStarts[Math.min(line, this.lineStarts.length) - 1] ?? 0;
    return start + column - 1;
  }
}
