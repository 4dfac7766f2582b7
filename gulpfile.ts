// The build's entry point: names the tasks. Their code is in build/tasks/.
//   npm run build   gulp build --env online   clean build into dist/, type checked
//   npm run dev     gulp dev                  build, then rebuild each changed file
//   npm run clean   gulp clean                remove dist/
import { buildProject } from './build/tasks/build';
import { cleanProject } from './build/tasks/clean';
import { startDev } from './build/tasks/dev';
import { outsideDomain } from './build/gulp-domain';
import { createLogger } from './build/log';
import { envOption, requireEnvOption } from './build/options';

const root = __dirname;

/** Builds every target into dist/ for the cloud env given with --env. */
export function build(): Promise<void> {
  return outsideDomain(() =>
    buildProject({ root, env: requireEnvOption(), yieldToTypeCheck: true }),
  );
}

/** Builds into dist/, then rebuilds on each change until stopped with Ctrl+C. */
export function dev(): Promise<void> {
  return outsideDomain(async () => {
    const session = startDev({ root, env: envOption() });
    await session.ready;
    await new Promise(() => undefined);
  });
}

/** Removes dist/. */
export async function clean(): Promise<void> {
  const removed = await cleanProject(root);
  const logger = createLogger(root);
  logger.info(
    removed.length > 0 ? `clean: removed ${removed.join(', ')}` : 'clean: nothing to remove',
  );
}
