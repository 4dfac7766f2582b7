import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { makeFixture, removeFixture, type FixtureProject } from './fixture';

const PAGE = 'client/pages/index/index';
const CARD = 'client/components/card/index';

describe('event-handlers rule', () => {
  let project: FixtureProject;
  beforeEach(async () => {
    project = await makeFixture();
  });
  afterEach(() => removeFixture(project));

  it('passes page and component methods', async () => {
    expect(await project.findings('event-handlers')).toEqual([]);
  });

  it('reports an unknown page method', async () => {
    await project.write(`${PAGE}.axml`, '<view>\n  <button onTap="save">Save</button>\n</view>\n');
    expect(await project.findings('event-handlers')).toEqual([
      {
        file: 'dist/client/pages/index/index.axml',
        line: 2,
        column: 18,
        rule: 'event-handlers',
        severity: 'error',
        message: 'onTap="save": the page in dist/client/pages/index/index.js has no "save"',
      },
    ]);
  });

  it('reports an unknown component method', async () => {
    await project.write(`${CARD}.axml`, '<view catchLongTap="close"/>');
    const findings = await project.findings('event-handlers');
    expect(findings).toEqual([
      expect.objectContaining({
        file: 'dist/client/components/card/index.axml',
        line: 1,
        column: 21,
      }),
    ]);
    expect(findings[0].message).toMatch(/the component's "methods" in .* has no "close"/);
  });

  it('ignores top-level component options', async () => {
    // `props` is a top-level option of Component(), not a method the template can bind.
    await project.write(`${CARD}.axml`, '<view onTap="props"/>');
    expect(await project.findings('event-handlers')).toEqual([
      expect.objectContaining({ severity: 'error' }),
    ]);
  });

  it('warns on a dynamic handler', async () => {
    await project.write(`${PAGE}.axml`, '<view onTap="{{handler}}"/>');
    expect(await project.findings('event-handlers')).toEqual([
      expect.objectContaining({ severity: 'warning', line: 1, column: 14 }),
    ]);
  });

  it('warns when methods come from spread', async () => {
    await project.write(`${PAGE}.js`, 'const shared = {};\nPage({ ...shared, handleTap() {} });\n');
    await project.write(`${PAGE}.axml`, '<view onTap="handleTap" catchTap="other"/>');
    const findings = await project.findings('event-handlers');
    expect(findings).toEqual([expect.objectContaining({ severity: 'warning', column: 35 })]);
    expect(findings[0].message).toMatch(/spread or computed key/);
  });

  it('warns when component uses mixins', async () => {
    await project.write(`${CARD}.js`, 'Component({ mixins: [m], methods: { open() {} } });');
    await project.write(`${CARD}.axml`, '<view onTap="fromMixin"/>');
    const findings = await project.findings('event-handlers');
    expect(findings).toEqual([expect.objectContaining({ severity: 'warning' })]);
    expect(findings[0].message).toMatch(/mixins/);
  });

  it('warns without a Page call', async () => {
    await project.write(`${PAGE}.js`, 'definePage({ handleTap() {} });');
    const findings = await project.findings('event-handlers');
    expect(findings.every((finding) => finding.severity === 'warning')).toBe(true);
    expect(findings[0].message).toMatch(/no Page\(\{\.\.\.\}\) or Component\(\{\.\.\.\}\) call/);
  });

  it('follows an options variable', async () => {
    await project.write(
      `${PAGE}.js`,
      'var options = { handleTap() {}, handleSelect() {} };\nPage(options);',
    );
    expect(await project.findings('event-handlers')).toEqual([]);
  });

  it('reports an empty handler value', async () => {
    await project.write(`${PAGE}.axml`, '<view onTap=""/>');
    const findings = await project.findings('event-handlers');
    expect(findings).toEqual([expect.objectContaining({ severity: 'error', column: 14 })]);
  });

  it('skips templates without script', async () => {
    await project.write(
      'client/templates/row.axml',
      '<template name="row"><view onTap="anything"/></template>',
    );
    expect(await project.findings('event-handlers')).toEqual([]);
  });
});
