// Types shared by the release check: findings, options and the shape of a rule.
import type { ContractLoad } from './contract';
import type { CheckProject } from './project';

export type Severity = 'error' | 'warning';

/** One problem the check found, placed at a file and, where known, a line and column. */
export interface Finding {
  /** Path relative to the project root, with forward slashes. */
  file: string;
  /** 1-based line. */
  line?: number;
  /** 1-based column. */
  column?: number;
  /** The name of the rule that reported it, such as `page-files`. */
  rule: string;
  severity: Severity;
  message: string;
}

/** Size limits in bytes for each uploaded folder. */
export interface SizeLimits {
  /** `dist/client`, including its node_modules. */
  client: number;
  /** `dist/plugin`, including its node_modules. */
  plugin: number;
  /** Each `dist/server/<fn>` folder. */
  function: number;
}

/** Options of a check run beyond the folders. */
export interface CheckConfig {
  sizeLimits?: Partial<SizeLimits>;
  /**
   * The plugin's id on the open platform. An app.json plugin whose provider is this id (or
   * `{{currentPluginId}}`, or whose version is `dev`) is taken to be the plugin in `dist/plugin`.
   */
  pluginId?: string;
  /** The contract module relative to the project root, `contract/api.ts` by default. */
  contractFile?: string;
}

export interface RunCheckOptions {
  /** The project root: finding paths are relative to it, and the contract is read from it. */
  root: string;
  /** The build output to check, absolute or relative to `root`. */
  distDir: string;
  config?: CheckConfig;
  /** The contract as the build just loaded it; the check loads it itself when absent. */
  contract?: ContractLoad;
}

/** A check of one concern. Rules read the project through `CheckProject` and never write. */
export interface Rule {
  name: string;
  /** One line for `--help` and the docs. */
  description: string;
  check(project: CheckProject): Finding[] | Promise<Finding[]>;
}
