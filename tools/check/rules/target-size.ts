// target-size: each uploaded folder stays within its size limit (options of runCheck).
import fs from 'node:fs';

import type { CheckProject, Target } from '../project';
import type { Finding, Rule, SizeLimits } from '../types';

export const targetSize: Rule = {
  name: 'target-size',
  description: 'each uploaded folder is within its size limit (client, plugin, each function)',
  check(project) {
    const { client, plugin, functions } = project.layout;
    const targets = [client, plugin, ...functions].filter((target) => target !== undefined);
    return targets.flatMap((target) => checkTarget(project, target));
  },
};

const LIMIT_KEYS: Record<Target['kind'], keyof SizeLimits> = {
  client: 'client',
  plugin: 'plugin',
  function: 'function',
};

function checkTarget(project: CheckProject, target: Target): Finding[] {
  const key = LIMIT_KEYS[target.kind];
  const limit = project.sizeLimits[key];
  const size = folderSize(project, target);
  if (size <= limit) return [];

  const message =
    `${formatBytes(size)} is over the ${formatBytes(limit)} limit for this folder ` +
    `(sizeLimits.${key}): move assets to a CDN or drop unused packages`;
  return [project.finding('target-size', 'error', target.dir, message)];
}

export function folderSize(project: CheckProject, target: Target): number {
  const files = project.listFiles(target.dir, { nodeModules: true });
  return files.reduce((total, file) => total + fs.statSync(file).size, 0);
}

/** Formats a byte count in KB or MB (1 MB = 1024 KB = 1,048,576 bytes). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}
