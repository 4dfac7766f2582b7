// Locates the first error in invalid JSON text. Node 20's JSON.parse messages give a position
// for some errors only ("Unexpected token '}', ... is not valid JSON" has none), so this scans
// the text with a small JSON grammar to find the offset of the first character that breaks it.

/** The position where JSON text becomes invalid: a 0-based offset and a 1-based line and column. */
export interface JsonErrorLocation {
  offset: number;
  line: number;
  column: number;
}

/** Returns where `text` stops being valid JSON, or undefined when it is valid. */
export function locateJsonError(text: string): JsonErrorLocation | undefined {
  const offset = findErrorOffset(text);
  if (offset === undefined) return undefined;

  const before = text.slice(0, offset).split('\n');
  return { offset, line: before.length, column: before[before.length - 1].length + 1 };
}

class ScanError {
  constructor(readonly offset: number) {}
}

function findErrorOffset(text: string): number | undefined {
  let at = 0;

  const fail = (): never => {
    throw new ScanError(at);
  };
  const skipSpace = () => {
    while (at < text.length && ' \t\n\r'.includes(text[at])) at += 1;
  };
  const expect = (char: string) => {
    if (text[at] !== char) fail();
    at += 1;
  };

  const scanString = () => {
    expect('"');
    while (text[at] !== '"') {
      if (at >= text.length || text.charCodeAt(at) < 0x20) fail();
      if (text[at] === '\\') {
        at += 1;
        if (text[at] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(at + 1, at + 5))) fail();
          at += 4;
        } else if (!'"\\/bfnrt'.includes(text[at] ?? 'x')) {
          fail();
        }
      }
      at += 1;
    }
    at += 1;
  };

  const scanNumber = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(at));
    if (!match) fail();
    at += match![0].length;
  };

  const scanLiteral = () => {
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, at)) {
        at += word.length;
        return;
      }
    }
    fail();
  };

  const scanList = (close: string, scanItem: () => void) => {
    at += 1;
    skipSpace();
    if (text[at] === close) {
      at += 1;
      return;
    }
    for (;;) {
      scanItem();
      skipSpace();
      if (text[at] === close) {
        at += 1;
        return;
      }
      expect(',');
      skipSpace();
    }
  };

  const scanValue = (): void => {
    skipSpace();
    const char = text[at];
    if (char === '{') {
      scanList('}', () => {
        scanString();
        skipSpace();
        expect(':');
        scanValue();
      });
    } else if (char === '[') {
      scanList(']', scanValue);
    } else if (char === '"') {
      scanString();
    } else if (char === '-' || (char >= '0' && char <= '9')) {
      scanNumber();
    } else {
      scanLiteral();
    }
  };

  try {
    scanValue();
    skipSpace();
    if (at < text.length) fail();
    return undefined;
  } catch (error) {
    if (error instanceof ScanError) return Math.min(error.offset, text.length);
    throw error;
  }
}
