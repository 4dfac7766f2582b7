// The type check that runs beside the watch build: a type error is reported without holding
// back the output, and fixing it clears the report.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startDev, type DevSession } from '../../build/tasks/dev';
import type { Logger } from '../../build/log';
import { copyStarter, type ProjectCopy } from '../helpers/project-copy';

let project: ProjectCopy;
let session: DevSession;
const lines: string[] = [];

const logger: Logger = {
  info: (message) => lines.push(message),
  error: (message) => lines.push(`error ${message}`),
  sourceErrors: (errors) =>
    errors.forEach((error) => lines.push(`error ${error.format(project.root)}`)),
};

/** Waits until a log line matches; the check runs after its own debounce, off the emit path. */
async function lineMatching(pattern: RegExp, from: number): Promise<string> {
  for (let attempt = 0; attempt < 600; attempt += 1) {
    const found = lines.slice(from).find((line) => pattern.test(line));
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no log line matched ${pattern}; got:\n${lines.slice(from).join('\n')}`);
}

beforeAll(async () => {
  project = copyStarter();
  session = startDev({ root: project.root, logger, typeCheck: true });
  await session.ready;
  await lineMatching(/^typecheck client: 0 errors/, 0);
});

afterAll(async () => {
  await session.close();
  project.remove();
});

describe('watch type check', () => {
  it('reports a type error and recovers', async () => {
    const source = project.read('client/pages/index/index.ts');
    const start = lines.length;
    const rebuilt = session.nextRebuild();
    project.write(
      'client/pages/index/index.ts',
      `${source}\nconst wrong: number = 'x';\nexport { wrong };\n`,
    );

    expect(await rebuilt).toEqual([]);
    expect(project.read('dist/client/pages/index/index.js')).toContain('wrong');
    const reported = await lineMatching(
      /^error client\/pages\/index\/index\.ts:\d+:7 {2}TS2322/,
      start,
    );
    expect(reported).toContain("Type 'string' is not assignable to type 'number'");
    await lineMatching(/^typecheck client: 1 error/, start);

    const fixedAt = lines.length;
    await new Promise((resolve) => setTimeout(resolve, 150));
    project.write('client/pages/index/index.ts', source);
    await lineMatching(/^typecheck client: 0 errors/, fixedAt);
  });
});
