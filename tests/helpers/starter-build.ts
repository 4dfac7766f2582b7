// Builds a temporary copy of the starter once per test file (npm run build:test's gulp task),
// so the app tests run the compiled pages, plugin and cloud functions as they ship.
import { loadConfig, type StarterConfig } from '../../build/config';
import { copyStarter, type ProjectCopy, runGulp } from './project-copy';

export interface BuiltStarter {
  project: ProjectCopy;
  /** The copy's dist/ folder. */
  dist: string;
  config: StarterConfig;
}

/** Copies the starter, lets `edit` change the copy, and builds it with --env test. */
export async function buildStarter(edit?: (project: ProjectCopy) => void): Promise<BuiltStarter> {
  const project = copyStarter();
  edit?.(project);

  const result = await runGulp(project.root, ['build', '--env', 'test']);
  if (result.code !== 0) {
    project.remove();
    throw new Error(`gulp build --env test failed in a copy of the starter:\n${result.output}`);
  }

  return { project, dist: project.file('dist'), config: loadConfig(project.root) };
}

/** Replaces one `key: value` line of the copy's starter.config.ts, failing if it is not there. */
export function setConfigValue(project: ProjectCopy, key: string, value: string): void {
  const source = project.read('starter.config.ts');
  const pattern = new RegExp(`^(\\s*${key}:)\\s*[^,]+,`, 'm');
  if (!pattern.test(source)) throw new Error(`starter.config.ts has no "${key}:" line to replace`);
  project.write('starter.config.ts', source.replace(pattern, `$1 ${value},`));
}
