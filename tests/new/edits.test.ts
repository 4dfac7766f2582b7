// How npm run new edits sources of other layouts than the starter's: handler styles, trailing
// commas, one-line lists, tabs, comments, empty objects, contract exports, and JSON kept on one
// line.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { applyChanges } from '../../tools/new/changes';
import { addFunctionExport, addHandlerEntry } from '../../tools/new/contract-edits';
import { parseContractFile } from '../../tools/new/contract-file';
import { NewCommandError } from '../../tools/new/errors';
import { parseFunctionFile } from '../../tools/new/function-file';
import { addProperty, appendToArray, parseJsonFile } from '../../tools/new/json-edit';
import { newPluginPage } from '../../tools/new/plugin-page';
import { handlerSource } from '../../tools/new/templates/cloud-function';
import { appendToBraceList, applyTextEdits } from '../../tools/new/ts-source';

const IMPORT = "import { defineFunction } from '../../contract/server';\n\n";

/** Adds handler `name` to the source of cloud function `x`, as npm run new -- handler does. */
function addHandler(text: string, name: string): string {
  const source = parseFunctionFile('x', text);
  return applyTextEdits(source, [
    ...appendToBraceList(source, source.exportsList, name),
    ...appendToBraceList(source, source.handlersList, handlerSource(name, source.style, 'x')),
  ]);
}

const PLACEHOLDER = [
  '    // TODO: replace this placeholder with the work of x.b.',
  "    return { env: context.env ?? 'unknown' };",
];

describe('handler insertion', () => {
  it('follows arrow style without commas', () => {
    const before = `${IMPORT}export const { a } = defineFunction('x', {\n  a: async () => ({ ok: true })\n});\n`;
    const expected = [
      "export const { a, b } = defineFunction('x', {",
      '  a: async () => ({ ok: true }),',
      '  b: async (_input, context) => {',
      ...PLACEHOLDER,
      '  }',
      '});',
      '',
    ].join('\n');
    expect(addHandler(before, 'b')).toBe(IMPORT + expected);
  });

  it('expands a one-line handlers object', () => {
    const before = `${IMPORT}async function a() {\n  return {};\n}\n\nexport const { a: main } = defineFunction('x', { a });\n`;
    const after = addHandler(before, 'b');
    expect(after).toContain(
      "export const { a: main, b } = defineFunction('x', {\n  a,\n  b: async",
    );
    expect(after).toMatch(/\n {2}},\n}\);\n$/);
  });

  it('keeps tabs and method style', () => {
    const before = `${IMPORT}export const { a } = defineFunction('x', {\n\tasync a() {\n\t\treturn {};\n\t},\n});\n`;
    const after = addHandler(before, 'b');
    expect(after).toContain('\t},\n\tasync b(_input, context) {\n\t\t// TODO');
    expect(after).toContain("\t\treturn { env: context.env ?? 'unknown' };\n\t},\n});\n");
  });

  it('keeps a comment on the last handler', () => {
    const before = `${IMPORT}export const { a } = defineFunction('x', {\n  a: async () => ({}), // first\n});\n`;
    expect(addHandler(before, 'b')).toContain('  a: async () => ({}), // first\n  b: async');
  });

  it('wraps a long exports list', () => {
    const names = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel'];
    const handlers = names.map((name) => `  ${name}: async () => ({}),`).join('\n');
    const before = `${IMPORT}export const { ${names.join(', ')} } = defineFunction('x', {\n${handlers}\n});\n`;
    const after = addHandler(before, 'indiaJulietKilo');
    expect(after).toContain('export const {\n  alpha,\n  bravo,\n');
    expect(after).toContain('  hotel,\n  indiaJulietKilo,\n} = defineFunction');
  });

  it('fills empty lists', () => {
    const before = `${IMPORT}export const {} = defineFunction('x', {});\n`;
    const after = addHandler(before, 'b');
    expect(after).toContain(
      "export const { b } = defineFunction('x', {\n  b: async (_input, context) => {",
    );
  });

  it('rejects a rest element', () => {
    const before = `${IMPORT}export const { a, ...rest } = defineFunction('x', { a: async () => ({}) });\n`;
    expect(() => parseFunctionFile('x', before)).toThrow(NewCommandError);
    expect(() => parseFunctionFile('x', before)).toThrow('a spread ("...")');
  });
});

describe('contract function export', () => {
  const HEADER = "import { z } from 'zod';\n\nimport { handler } from './define';\n";
  const A =
    'export const a = {\n  main: handler({ login: false, input: z.strictObject({}), result: z.object({}) }),\n};\n';
  const B = [
    'export const b = {',
    '  main: handler({',
    '    login: true,',
    '    // TODO: declare the fields this handler takes and returns.',
    '    input: z.strictObject({}),',
    '    result: z.object({ env: z.string() }),',
    '  }),',
    '};',
    '',
  ].join('\n');

  function addB(text: string): string {
    return addFunctionExport(parseContractFile(text), 'b', true);
  }

  it('follows the last function export', () => {
    const shared = 'const id = z.string();\n';
    const types = 'export type Id = z.infer<typeof id>;\n';
    const before = `${HEADER}\n${shared}\n${A}\n${types}`;
    expect(addB(before)).toBe(`${HEADER}\n${shared}\n${A}\n${B}\n${types}`);
  });

  it('goes before type exports', () => {
    const shared = 'const id = z.string();\n';
    const types = '// The id of a record.\nexport type Id = z.infer<typeof id>;\n';
    const before = `${HEADER}\n${shared}\n${types}`;
    expect(addB(before)).toBe(`${HEADER}\n${shared}\n${B}\n${types}`);
  });

  it('follows imports in a bare contract', () => {
    expect(addB(HEADER)).toBe(`${HEADER}\n${B}`);
  });

  it('adds a blank line before a following line', () => {
    const before = `${HEADER}\n${A}export type Id = string;\n`;
    expect(addB(before)).toBe(`${HEADER}\n${A}\n${B}\nexport type Id = string;\n`);
  });

  it('keeps a comment after the last export', () => {
    const before = `${HEADER}\nexport const a = {}; // none yet\n`;
    expect(addB(before)).toBe(`${HEADER}\nexport const a = {}; // none yet\n\n${B}`);
  });

  it('follows a file without semicolons', () => {
    const before =
      "import { z } from 'zod'\nimport { handler } from './define'\n\nexport const a = {}\n";
    const after = addB(before);
    expect(after).toContain('export const a = {}\n\nexport const b = {\n');
    expect(after).toMatch(/\n {2}\}\),\n\}\n$/);
  });

  it('keeps tab indentation', () => {
    const before = `${HEADER}\nexport const a = {\n\tmain: handler({ login: false }),\n};\n`;
    const after = addB(before);
    expect(after).toContain('export const b = {\n\tmain: handler({\n\t\tlogin: true,\n');
    expect(after).toContain('\t\tresult: z.object({ env: z.string() }),\n\t}),\n};\n');
  });

  it('accepts z as a namespace import', () => {
    const before = "import * as z from 'zod';\nimport { handler } from './define';\n";
    expect(addB(before)).toContain("from './define';\n\nexport const b = {\n");
  });

  it('rejects a local schema name', () => {
    const before = `${HEADER}\nconst b = z.string();\n`;
    expect(() => addB(before)).toThrow(
      'contract/api.ts already declares "b" (contract/api.ts:5:7), so an export of that name',
    );
  });

  it('rejects an imported name', () => {
    const contract = parseContractFile(HEADER);
    expect(() => addFunctionExport(contract, 'handler', true)).toThrow(
      'contract/api.ts already imports "handler" (contract/api.ts:3:10)',
    );
  });

  it('rejects a non-object export name', () => {
    const before = `${HEADER}\nexport const b = 'none';\n`;
    expect(() => addB(before)).toThrow(
      'contract/api.ts already exports "b" (contract/api.ts:5:14), a value that is not an object',
    );
  });

  it('rejects an exported function name', () => {
    const before = `${HEADER}\nexport function b() {}\n`;
    expect(() => addB(before)).toThrow('already exports "b" (contract/api.ts:5:17)');
  });

  it('allows a type of that name', () => {
    const before = `${HEADER}\nexport type b = string;\n`;
    expect(addB(before)).toContain("from './define';\n\nexport const b = {");
  });
});

describe('contract handler entry', () => {
  const HEADER = "import { z } from 'zod';\n\nimport { handler } from './define';\n\n";

  function addEntry(text: string, fn: string, name: string): string {
    return addHandlerEntry(parseContractFile(text), fn, name, true);
  }

  it('appends to a function export', () => {
    const before = `${HEADER}export const a = {\n  main: handler({ login: false }),\n};\n\nexport type A = string;\n`;
    const after = addEntry(before, 'a', 'b');
    expect(after).toContain(
      '  main: handler({ login: false }),\n  b: handler({\n    login: true,\n',
    );
    expect(after).toContain(
      '    result: z.object({ env: z.string() }),\n  }),\n};\n\nexport type A',
    );
  });

  it('expands a one-line function export', () => {
    const line =
      'export const a = { main: handler({ login: false, input: z.strictObject({}), result: z.object({}) }) };';
    const after = addEntry(`${HEADER}${line}\n`, 'a', 'b');
    expect(after).toContain('export const a = {\n  main: handler({ login: false,');
    expect(after).toContain('  b: handler({\n    login: true,\n');
    expect(after).toContain('    result: z.object({ env: z.string() }),\n  }),\n};\n');
  });

  it('fills an empty function export', () => {
    const after = addEntry(`${HEADER}export const a = {};\n`, 'a', 'b');
    expect(after).toContain('export const a = {\n  b: handler({\n    login: true,\n');
  });

  it('reads through satisfies', () => {
    const before = `${HEADER}export const a = {\n  main: handler({ login: false }),\n} satisfies object;\n`;
    expect(addEntry(before, 'a', 'b')).toContain('  b: handler({\n');
  });

  it('rejects a function export by reference', () => {
    const text = `${HEADER}const other = {};\nexport const a = other;\n`;
    expect(() => addEntry(text, 'a', 'b')).toThrow(
      'contract/api.ts:6:14: the export "a" is not written as `export const a = { ... }`',
    );
  });

  it('rejects a computed handler name', () => {
    const text = `${HEADER}const key = 'main';\nexport const a = { [key]: handler({ login: true }) };\n`;
    expect(() => addEntry(text, 'a', 'b')).toThrow(
      'contract/api.ts:6:20: a computed name in the handlers of "a", which hides names',
    );
  });

  it('rejects an existing handler', () => {
    const text = `${HEADER}export const a = { b: handler({ login: true }) };\n`;
    expect(() => addEntry(text, 'a', 'b')).toThrow(
      'contract/api.ts already declares the handler "b" of "a"',
    );
  });

  it('rejects a local const', () => {
    const text = `${HEADER}const a = { main: handler({ login: true }) };\n`;
    expect(() => addEntry(text, 'a', 'b')).toThrow(
      'contract/api.ts declares no cloud function "a" (no `export const a`)',
    );
  });
});

describe('contract shapes', () => {
  const HEADER = "import { z } from 'zod';\n\nimport { handler } from './define';\n\n";
  const cases: Array<[string, string, string]> = [
    ['missing handler import', "import { z } from 'zod';\n", '`handler` is not imported'],
    ['missing z import', "import { handler } from './define';\n", '`z` is not imported'],
    ['export default', `${HEADER}export default {};\n`, 'contract/api.ts:5:1: an `export default`'],
    [
      'default function',
      `${HEADER}export default function a() {}\n`,
      'contract/api.ts:5:1: an `export default`',
    ],
    [
      'export list',
      `${HEADER}const a = {};\nexport { a };\n`,
      'contract/api.ts:6:1: an `export { ... }` or `export * from` statement',
    ],
    [
      'export star',
      `${HEADER}export * from './other';\n`,
      'contract/api.ts:5:1: an `export { ... }` or `export * from`',
    ],
    [
      'export let',
      `${HEADER}export let a = {};\n`,
      'contract/api.ts:5:1: `export let`, where `export const` is expected',
    ],
    [
      'export var',
      `${HEADER}export var a = {};\n`,
      'contract/api.ts:5:1: `export var`, where `export const`',
    ],
    [
      'destructured export',
      `${HEADER}export const { a } = { a: {} };\n`,
      'contract/api.ts:5:14: a destructured export, which hides names',
    ],
    [
      'exported namespace',
      `${HEADER}export namespace a {}\n`,
      'contract/api.ts:5:1: an export form that npm run new does not read',
    ],
  ];

  for (const [label, text, detail] of cases) {
    it(`rejects ${label}`, () => {
      expect(() => parseContractFile(text)).toThrow(NewCommandError);
      expect(() => parseContractFile(text)).toThrow(
        `contract/api.ts has a shape npm run new does not recognise (${detail}`,
      );
      expect(() => parseContractFile(text)).toThrow(
        'expected one `export const <function> = { <handler>: handler({...}) };` per cloud function',
      );
    });
  }

  it('accepts type-only exports', () => {
    const text = `${HEADER}type A = string;\nexport type { A };\nexport interface B {}\n`;
    expect(parseContractFile(text).exported).toEqual([]);
  });
});

describe('JSON edits', () => {
  it('keeps a one-line array', () => {
    const json = parseJsonFile('app.json', '{ "pages": ["pages/index/index"] }\n');
    expect(appendToArray(json, ['pages'], 'pages/a/index')).toBe(
      '{ "pages": ["pages/index/index", "pages/a/index"] }\n',
    );
  });

  it('wraps an array past 100 columns', () => {
    const pages = ['pages/first-page/index', 'pages/second-page/index', 'pages/third-page/index'];
    const json = parseJsonFile(
      'app.json',
      `{ "pages": ${JSON.stringify(pages).replace(/,/g, ', ')} }\n`,
    );
    const after = appendToArray(json, ['pages'], 'pages/fourth-page/index');
    expect(after).toContain('"pages/third-page/index",\n');
    expect(JSON.parse(after).pages).toEqual([...pages, 'pages/fourth-page/index']);
  });

  it('keeps tab indentation', () => {
    const json = parseJsonFile(
      'plugin.json',
      '{\n\t"publicPages": {\n\t\t"a": "pages/a/index"\n\t}\n}\n',
    );
    expect(addProperty(json, ['publicPages'], 'b', 'pages/b/index')).toBe(
      '{\n\t"publicPages": {\n\t\t"a": "pages/a/index",\n\t\t"b": "pages/b/index"\n\t}\n}\n',
    );
  });

  it('adds a missing object', () => {
    const json = parseJsonFile('plugin.json', '{\n  "main": "index.js"\n}\n');
    const after = addProperty(json, ['publicComponents'], 'card', 'components/card/index');
    expect(JSON.parse(after)).toEqual({
      main: 'index.js',
      publicComponents: { card: 'components/card/index' },
    });
  });
});

describe('plugin.json pages array', () => {
  it('lists a new page there too', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'new-plugin-'));
    try {
      const pluginJson =
        '{\n  "publicPages": {},\n  "pages": ["pages/a/index"],\n  "main": "index.js"\n}\n';
      fs.mkdirSync(path.join(root, 'plugin'));
      fs.writeFileSync(path.join(root, 'plugin', 'plugin.json'), pluginJson);

      const plan = newPluginPage(root, 'b', true);
      const update = plan.changes.find((change) => change.file === 'plugin/plugin.json');
      expect(update?.kind).toBe('update');
      expect(JSON.parse(update?.content ?? '')).toEqual({
        publicPages: { b: 'pages/b/index' },
        pages: ['pages/a/index', 'pages/b/index'],
        main: 'index.js',
      });
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('applyChanges', () => {
  it('undoes earlier writes on failure', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'new-changes-'));
    try {
      fs.writeFileSync(path.join(root, 'list.json'), '[]\n');
      fs.mkdirSync(path.join(root, 'taken'));
      fs.writeFileSync(path.join(root, 'taken', 'index.ts'), 'old\n');

      const apply = () =>
        applyChanges(root, [
          { kind: 'create', file: 'fresh/index.ts', content: 'new\n' },
          { kind: 'update', file: 'list.json', before: '[]\n', content: '[1]\n', summary: '' },
          { kind: 'create', file: 'taken/index.ts', content: 'new\n' },
        ]);
      expect(apply).toThrow('taken/index.ts appeared while npm run new was running');
      expect(fs.existsSync(path.join(root, 'fresh'))).toBe(false);
      expect(fs.readFileSync(path.join(root, 'list.json'), 'utf8')).toBe('[]\n');
      expect(fs.readFileSync(path.join(root, 'taken', 'index.ts'), 'utf8')).toBe('old\n');
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('rejects a file changed meanwhile', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'new-changes-'));
    try {
      fs.writeFileSync(path.join(root, 'list.json'), '[2]\n');
      const apply = () =>
        applyChanges(root, [
          { kind: 'update', file: 'list.json', before: '[]\n', content: '[1]\n', summary: '' },
        ]);
      expect(apply).toThrow('list.json changed while npm run new was running');
      expect(fs.readFileSync(path.join(root, 'list.json'), 'utf8')).toBe('[2]\n');
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
