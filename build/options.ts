// Command-line options of the gulp tasks, e.g. `gulp build --env online`.
import { parseArgs } from 'node:util';

import { ConfigError, parseCloudEnv, type CloudEnv } from './config';

/** Reads `--env` from the command line, or from CLOUD_ENV; undefined when neither is given. */
export function envOption(
  argv = process.argv.slice(2),
  environment = process.env,
): CloudEnv | undefined {
  const { values } = parseArgs({ args: argv, options: { env: { type: 'string' } }, strict: false });
  if (typeof values.env === 'string') return parseCloudEnv(values.env, '--env');
  if (environment.CLOUD_ENV) return parseCloudEnv(environment.CLOUD_ENV, 'CLOUD_ENV');
  return undefined;
}

/** Reads `--env` for a release build, which must name its cloud env. */
export function requireEnvOption(argv?: string[], environment?: NodeJS.ProcessEnv): CloudEnv {
  const env = envOption(argv, environment);
  if (env) return env;
  throw new ConfigError(
    'gulp build needs --env test, --env pre or --env online (npm run build passes online)',
  );
}
