// The starter configuration: its schema, its defaults and its loader. Every key is validated
// before the build uses it, and an invalid value stops the build with its key path.
import path from 'node:path';

import { z } from 'zod';

import { requireTypeScript } from './require-ts';

export const CLOUD_ENVS = ['test', 'pre', 'online'] as const;
export type CloudEnv = (typeof CLOUD_ENVS)[number];

const identifier = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'use letters, digits, "-" or "_"');
const apiPath = z
  .string()
  .regex(/^\/[A-Za-z0-9_\-/.]*$/, 'start with "/" and use letters, digits, "-", "_", "." or "/"')
  .refine((value) => !value.split('/').includes('..'), 'must not contain ".."');

export const configSchema = z.strictObject({
  plugin: z.strictObject({
    /** The plugin's id on the open platform: 16 digits. */
    id: z.string().regex(/^\d{16}$/, 'must be the 16-digit plugin id from the open platform'),
    /** The alias the host uses in plugin:// paths and requirePlugin(). */
    alias: identifier,
    /** The version the host's app.json requests: "dev", "*" or x.y.z. */
    version: z.string().regex(/^(dev|\*|\d+\.\d+\.\d+)$/, 'must be "dev", "*" or x.y.z'),
  }),
  cloud: z.strictObject({
    /** The cloud environment `npm run dev` builds with. */
    devEnv: z.enum(CLOUD_ENVS),
  }),
  backend: z.strictObject({
    /** The whitelisted domain of the OMS backend, without scheme or path. */
    domain: z
      .string()
      .regex(/^[A-Za-z0-9.-]+(:\d{1,5})?$/, 'must be a bare host name such as api.example.com'),
    /** The path prefix of every backend request. */
    pathPrefix: apiPath,
    /** The API paths (after the prefix) that may be forwarded. */
    paths: z.array(apiPath).min(1),
    /** The time limit of one backend request, in milliseconds. */
    timeoutMs: z.number().int().min(100).max(60_000),
    /** The largest request body, in bytes of JSON. */
    maxBodyBytes: z.number().int().min(1).max(1_000_000),
  }),
  local: z.strictObject({
    /** Where the local cloud sends requests for each whitelisted domain. */
    backends: z.record(z.string(), z.url({ protocol: /^https?$/ })),
  }),
});

export type StarterConfig = z.infer<typeof configSchema>;

/** Declares the configuration with its type checked in the editor. */
export function defineConfig(config: StarterConfig): StarterConfig {
  return config;
}

/** Thrown for an invalid configuration; the message lists each bad key and the reason. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  /** Tells gulp to print the message alone: a configuration mistake needs no stack trace. */
  readonly showStack = false;

  override toString(): string {
    return this.message;
  }
}

/** Validates a configuration object, naming the file and each invalid key. */
export function validateConfig(value: unknown, file: string): StarterConfig {
  const parsed = configSchema.safeParse(value);
  if (parsed.success) return parsed.data;

  const lines = parsed.error.issues.map((issue) => {
    const key = issue.path.length > 0 ? issue.path.join('.') : '(root)';
    return `  ${key}: ${issue.message}`;
  });
  throw new ConfigError(`${file}: invalid configuration\n${lines.join('\n')}`);
}

/** Loads and validates starter.config.ts from a project folder. */
export function loadConfig(root: string): StarterConfig {
  const file = path.join(root, 'starter.config.ts');
  let loaded: unknown;
  try {
    // A watch build reloads the file after an edit, so the cached module is dropped first.
    delete require.cache[file];
    const exported = requireTypeScript<{ default?: unknown }>(file);
    loaded = exported.default ?? exported;
  } catch (error) {
    throw new ConfigError(`starter.config.ts: could not be loaded: ${(error as Error).message}`);
  }
  return validateConfig(loaded, 'starter.config.ts');
}

/** Picks the cloud env from a command-line value, or names the valid ones. */
export function parseCloudEnv(value: string, source: string): CloudEnv {
  if ((CLOUD_ENVS as readonly string[]).includes(value)) return value as CloudEnv;
  throw new ConfigError(
    `${source}: invalid cloud env "${value}"; use one of ${CLOUD_ENVS.join(', ')}`,
  );
}
