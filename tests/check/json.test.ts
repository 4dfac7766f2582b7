import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { JsonSyntaxError, parseJson } from '../../tools/check/json';
import { makeFixture, removeFixture, type FixtureProject } from './fixture';

function syntaxError(text: string): JsonSyntaxError {
  try {
    parseJson(text);
  } catch (error) {
    if (error instanceof JsonSyntaxError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(text)} to be invalid`);
}

describe('parseJson', () => {
  it('matches JSON.parse values', () => {
    const text = '{"a": [1, -2.5e3, true, false, null], "b": {"c": "x\\n\\u00e9"}}';
    expect(parseJson(text).value).toEqual(JSON.parse(text));
  });

  it('records value positions by path', () => {
    const document = parseJson('{\n  "pages": [\n    "a",\n    "b"\n  ]\n}');
    expect(document.positionOf(['pages', 1])).toEqual({ line: 4, column: 5 });
    expect(document.positionOf(['pages'])).toEqual({ line: 2, column: 12 });
  });

  it('falls back to the start for unknown paths', () => {
    expect(parseJson('{"a": 1}').positionOf(['b'])).toEqual({ line: 1, column: 1 });
  });

  it('reports trailing comma position', () => {
    const error = syntaxError('{\n  "a": 1,\n}');
    expect(error.position).toEqual({ line: 2, column: 9 });
    expect(error.message).toMatch(/trailing comma/);
  });

  it('reports unquoted key position', () => {
    expect(syntaxError('{\n  a: 1\n}').position).toEqual({ line: 2, column: 3 });
  });

  it('reports unterminated string start', () => {
    expect(syntaxError('{"a": "open}').position).toEqual({ line: 1, column: 7 });
  });

  it('rejects content after the value', () => {
    expect(syntaxError('{} {}').message).toMatch(/after the JSON value/);
  });

  it('names comments in the message', () => {
    expect(syntaxError('{\n  // note\n}').message).toBe(
      'unexpected comment (JSON has no comments); expected a property name in double quotes',
    );
  });

  it('rejects an empty file', () => {
    expect(syntaxError('  ').message).toMatch(/empty file/);
  });
});

describe('json-syntax rule', () => {
  let project: FixtureProject;
  beforeEach(async () => {
    project = await makeFixture();
  });
  afterEach(() => removeFixture(project));

  it('passes valid JSON files', async () => {
    expect(await project.findings('json-syntax')).toEqual([]);
  });

  it('reports page JSON error position', async () => {
    await project.write(
      'client/pages/index/index.json',
      '{\n  "usingComponents": {\n    "a": "/x"\n  \n',
    );
    const findings = await project.findings('json-syntax');
    expect(findings).toEqual([
      {
        file: 'dist/client/pages/index/index.json',
        line: 5,
        column: 1,
        rule: 'json-syntax',
        severity: 'error',
        message:
          'invalid JSON: unexpected end of file; expected "}" or "," after the property value',
      },
    ]);
  });

  it('reports broken package.json in node_modules', async () => {
    await project.write('client/node_modules/mini-ui/package.json', "{ 'name': 'mini-ui' }");
    const findings = await project.findings('json-syntax');
    expect(findings.map((finding) => finding.file)).toEqual([
      'dist/client/node_modules/mini-ui/package.json',
    ]);
    expect(findings[0]).toMatchObject({ line: 1, column: 3 });
  });

  it('ignores other JSON in node_modules', async () => {
    await project.write('client/node_modules/mini-ui/test/broken.json', '{');
    expect(await project.findings('json-syntax')).toEqual([]);
  });
});
