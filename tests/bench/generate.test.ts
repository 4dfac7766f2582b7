// The benchmark's app generator at a tiny size: the synthetic app must build, type check and pass
// the release check, or `npm run bench` would measure a failing build. No times are asserted.
import fs from 'node:fs';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { runColdBuild } from '../../bench/cold';
import { generateApp, type SyntheticApp } from '../../bench/generate';

let app: SyntheticApp;
let buildCode: number;

beforeAll(async () => {
  app = generateApp(2);
  buildCode = (await runColdBuild(app.root)).code;
});

afterAll(() => app.remove());

describe('bench generator', () => {
  it('builds the synthetic app', () => {
    expect(buildCode).toBe(0);
  });

  it('emits generated pages and components', () => {
    for (const ext of ['js', 'axml', 'acss', 'json']) {
      expect(fs.existsSync(app.file(`dist/client/pages/bench-002/bench-002.${ext}`)), ext).toBe(
        true,
      );
      expect(fs.existsSync(app.file(`dist/plugin/components/bench-002/index.${ext}`)), ext).toBe(
        true,
      );
    }
  });

  it('emits generated cloud functions', () => {
    const manifest = JSON.parse(
      fs.readFileSync(app.file('dist/server/bench002/package.json'), 'utf8'),
    );
    expect(manifest.main).toBe('index.js');
    expect(manifest.config.notNeedLogin).toEqual(['list']);
  });

  it('lists generated pages in app.json', () => {
    const appJson = JSON.parse(fs.readFileSync(app.file('dist/client/app.json'), 'utf8'));
    expect(appJson.pages).toContain('pages/bench-001/bench-001');
    expect(appJson.pages).toContain('pages/bench-002/bench-002');
  });
});
