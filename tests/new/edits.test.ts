// How npm run new edits sources of other layouts than the starter's: handler styles, trailing
// commas, one-line lists, tabs, comments, empty objects, and JSON kept on one line.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { applyChanges } from '../../tools/new/changes';
import { functionsList, handlersList, parseContractFile } from '../../tools/new/contract-file';
import { NewCommandError } from '../../tools/new/errors';
import { parseFunctionFile } from '../../tools/new/function-file';
import { addProperty, appendToArray, parseJsonFile } from '../../tools/new/json-edit';
import { newPluginPage } from '../../tools/new/plugin-page';
import { contractHandlerEntry, handlerSource } from '../../tools/new/templates/cloud-function';
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

describe('contract insertion', () => {
  const HEADER =
    "import { z } from 'zod';\n\nimport { defineContract, handler } from './define';\n\n";

  it('fills an empty contract', () => {
    const contract = parseContractFile(`${HEADER}export const contract = defineContract({});\n`);
    const entry = 'orders: {\n  main: handler({ login: true }),\n}';
    const after = applyTextEdits(
      contract,
      appendToBraceList(contract, functionsList(contract), entry),
    );
    expect(after).toContain(
      'defineContract({\n  orders: {\n    main: handler({ login: true }),\n  },\n});\n',
    );
  });

  it('expands a one-line function entry', () => {
    const line =
      '  a: { main: handler({ login: false, input: z.strictObject({}), result: z.object({}) }) },';
    const contract = parseContractFile(
      `${HEADER}export const contract = defineContract({\n${line}\n});\n`,
    );
    const edits = appendToBraceList(
      contract,
      handlersList(contract, 'a'),
      contractHandlerEntry('b', true),
    );
    const after = applyTextEdits(contract, edits);
    expect(after).toContain('  a: {\n    main: handler({ login: false,');
    expect(after).toContain('    b: handler({\n      login: true,\n');
    expect(after).toContain('      result: z.object({ env: z.string() }),\n    }),\n  },\n});');
  });

  it('rejects a function written elsewhere', () => {
    const text = `${HEADER}const a = {};\nexport const contract = defineContract({ a });\n`;
    const contract = parseContractFile(text);
    expect(() => handlersList(contract, 'a')).toThrow('"a" is not written as `a: { ... }`');
  });

  it('rejects a missing handler import', () => {
    const text = "import { z } from 'zod';\nexport const contract = defineContract({});\n";
    expect(() => parseContractFile(text)).toThrow('`handler` is not imported');
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
