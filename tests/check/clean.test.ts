import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { runCheck } from '../../tools/check';
import { makeFixture, removeFixture, type FixtureProject } from './fixture';

describe('runCheck on the clean fixture', () => {
  let project: FixtureProject;
  beforeEach(async () => {
    project = await makeFixture();
  });
  afterEach(() => removeFixture(project));

  it('reports zero findings', async () => {
    expect(await project.check()).toEqual([]);
  });

  it('accepts a dist path relative to root', async () => {
    expect(await runCheck({ root: project.root, distDir: 'dist' })).toEqual([]);
  });

  it('reports a missing dist folder once', async () => {
    const findings = await runCheck({ root: project.root, distDir: 'nothing-here' });
    expect(findings).toEqual([
      expect.objectContaining({ file: 'nothing-here', rule: 'project-config', severity: 'error' }),
    ]);
  });

  it('sorts findings by file and position', async () => {
    await project.write('client/b.json', '{,}');
    await project.write('client/a.json', '\n\n{,}');
    await project.write('client/a.ts', '');
    const files = (await project.check()).map((finding) => `${finding.file}:${finding.line ?? ''}`);
    expect(files).toEqual(['dist/client/a.json:3', 'dist/client/a.ts:', 'dist/client/b.json:1']);
  });

  it('uses a preloaded contract', async () => {
    const contract = { kind: 'invalid', file: 'contract/api.ts', message: 'passed in' } as const;
    const findings = await runCheck({ root: project.root, distDir: 'dist', contract });
    expect(findings).toEqual([
      expect.objectContaining({ rule: 'function-handlers', message: 'passed in' }),
    ]);
  });

  it('warns when the contract is missing', async () => {
    const findings = await runCheck({ root: path.join(project.root, 'dist'), distDir: '.' });
    expect(findings).toEqual([
      expect.objectContaining({
        file: 'contract/api.ts',
        rule: 'function-handlers',
        severity: 'warning',
      }),
    ]);
  });
});
