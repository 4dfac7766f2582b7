import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { maskExpressions, parseAxml, type AxmlElement } from '../../tools/check/axml';
import { makeFixture, removeFixture, type FixtureProject } from './fixture';

const PAGE = 'client/pages/index/index.axml';

describe('maskExpressions', () => {
  it('blanks expressions keeping offsets', () => {
    const text = '<text>{{a<b}}</text>\n<view a="{{x\n>y}}"/>';
    const masked = maskExpressions(text);
    expect(masked.text).toBe('<text>{{   }}</text>\n<view a="{{ \n  }}"/>');
    expect(masked.expressions).toEqual([
      { text: 'a<b', offset: 8 },
      { text: 'x\n>y', offset: 32 },
    ]);
  });

  it('skips braces inside strings', () => {
    expect(maskExpressions("{{ '}}' + a }}").expressions).toEqual([
      { text: " '}}' + a ", offset: 2 },
    ]);
  });

  it('handles object literal braces', () => {
    expect(maskExpressions('{{ {a: 1}}}').expressions).toEqual([{ text: ' {a: 1}', offset: 2 }]);
  });

  it('leaves comments alone', () => {
    expect(maskExpressions('<!-- {{ -->').expressions).toEqual([]);
  });

  it('reports an unclosed expression', () => {
    expect(maskExpressions('<text>{{ a </text>').error).toEqual({
      message: 'unclosed "{{": add the closing "}}"',
      offset: 6,
    });
  });
});

describe('parseAxml', () => {
  it('builds elements with attributes', () => {
    const document = parseAxml('<view class="a {{b}}" hidden>\n  <text>{{c}}</text>\n</view>');
    const view = document.children[0] as AxmlElement;
    expect(document.error).toBeUndefined();
    expect(view.name).toBe('view');
    expect(view.attributes.map((attribute) => [attribute.name, attribute.value])).toEqual([
      ['class', 'a {{b}}'],
      ['hidden', undefined],
    ]);
    expect(view.attributes[0].expressions).toEqual([{ text: 'b', offset: 17 }]);
    expect((view.children[1] as AxmlElement).name).toBe('text');
  });

  const errors: Array<[string, string, RegExp, number]> = [
    ['mismatched closing tag', '<view><text></view>', /does not match <text>/, 12],
    ['unclosed element', '<view>\n<text>a</text>', /<view> is never closed/, 0],
    ['stray closing tag', 'a</view>', /has no opening tag/, 1],
    ['unquoted attribute value', '<view a=b/>', /must be in quotes/, 8],
    ['duplicate attribute', '<view a="1" a="2"/>', /duplicate attribute "a"/, 12],
    ['bare less-than in text', '<view>a < b</view>', /unexpected "<"/, 8],
    ['unfinished tag', '<view a="1"', /is not finished/, 0],
  ];
  for (const [name, text, message, offset] of errors) {
    it(`reports ${name}`, () => {
      const { error } = parseAxml(text);
      expect(error?.message).toMatch(message);
      expect(error?.offset).toBe(offset);
    });
  }
});

describe('axml-syntax rule', () => {
  let project: FixtureProject;
  beforeEach(async () => {
    project = await makeFixture();
  });
  afterEach(() => removeFixture(project));

  it('passes masked comparisons and template data', async () => {
    await project.write(
      PAGE,
      '<view>\n  <text>{{a<b && c>d}}</text>\n' +
        '  <template is="t" data="{{...item, n: 1, k}}"/>\n</view>\n',
    );
    expect(await project.findings('axml-syntax')).toEqual([]);
  });

  it('reports an unclosed tag position', async () => {
    await project.write(PAGE, '<view>\n  <text>hi</view>\n');
    expect(await project.findings('axml-syntax')).toEqual([
      {
        file: 'dist/client/pages/index/index.axml',
        line: 2,
        column: 11,
        rule: 'axml-syntax',
        severity: 'error',
        message: 'closing tag </view> does not match <text>: close <text> first',
      },
    ]);
  });

  it('reports an invalid expression position', async () => {
    await project.write(PAGE, '<view>\n  <text>{{ count + }}</text>\n</view>\n');
    const findings = await project.findings('axml-syntax');
    expect(findings).toEqual([
      expect.objectContaining({ line: 2, column: 20, rule: 'axml-syntax' }),
    ]);
    expect(findings[0].message).toMatch(/^invalid expression "\{\{count \+\}\}"/);
  });

  it('rejects object bodies outside template data', async () => {
    await project.write(PAGE, '<view style="{{color: red}}"/>\n');
    const findings = await project.findings('axml-syntax');
    expect(findings).toEqual([expect.objectContaining({ line: 1, column: 21 })]);
  });

  it('reports an empty expression', async () => {
    await project.write(PAGE, '<view>{{ }}</view>\n');
    const findings = await project.findings('axml-syntax');
    expect(findings).toEqual([
      expect.objectContaining({ line: 1, column: 7, message: 'empty expression "{{ }}"' }),
    ]);
  });

  it('checks plugin AXML too', async () => {
    await project.write('plugin/pages/welcome/index.axml', '<view>\n<view>\n');
    const findings = await project.findings('axml-syntax');
    expect(findings).toEqual([
      expect.objectContaining({ file: 'dist/plugin/pages/welcome/index.axml', line: 2, column: 1 }),
    ]);
  });
});

describe('axml-conditions rule', () => {
  let project: FixtureProject;
  beforeEach(async () => {
    project = await makeFixture();
  });
  afterEach(() => removeFixture(project));

  it('passes chains across comments and whitespace', async () => {
    const text = '<view a:if="{{a}}"/>\n<!-- b -->\n<view a:elif="{{b}}"/>\n<view a:else/>\n';
    await project.write(PAGE, text);
    expect(await project.findings('axml-conditions')).toEqual([]);
  });

  it('reports a:else without a:if', async () => {
    await project.write(PAGE, '<view>\n  <text>x</text>\n  <view a:else>y</view>\n</view>\n');
    expect(await project.findings('axml-conditions')).toEqual([
      {
        file: 'dist/client/pages/index/index.axml',
        line: 3,
        column: 9,
        rule: 'axml-conditions',
        severity: 'error',
        message: 'a:else on <view> must directly follow a sibling with a:if or a:elif',
      },
    ]);
  });

  it('reports a:elif after a:else', async () => {
    await project.write(PAGE, '<view a:if="{{a}}"/><view a:else/><view a:elif="{{b}}"/>');
    const findings = await project.findings('axml-conditions');
    expect(findings).toEqual([expect.objectContaining({ line: 1, column: 41 })]);
  });

  it('reports a chain broken by text', async () => {
    await project.write(PAGE, '<view a:if="{{a}}"/> text <view a:else/>');
    expect(await project.findings('axml-conditions')).toHaveLength(1);
  });

  it('reports a:if with a:else together', async () => {
    await project.write(PAGE, '<view a:if="{{a}}" a:else/>');
    const findings = await project.findings('axml-conditions');
    expect(findings[0].message).toMatch(/has both a:if and a:else/);
  });

  it('does not chain across nesting levels', async () => {
    await project.write(PAGE, '<view a:if="{{a}}"><view a:else/></view>');
    expect(await project.findings('axml-conditions')).toHaveLength(1);
  });
});
