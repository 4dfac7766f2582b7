// Cloud function rules. function-package: each dist/server/<fn> has index.js and a
// package.json with "main" and "sdkVersion". function-handlers: the folders match the
// contract's functions and each index.js exports exactly the contract's handlers.
// function-login: package.json config.notNeedLogin lists exactly the handlers whose contract
// entry has `login: false`.
import fs from 'node:fs';
import path from 'node:path';

import { readExports } from '../exports';
import type { CheckProject, Target } from '../project';
import type { Finding, Rule } from '../types';
import { isObject, quoteList } from '../values';

export const functionPackage: Rule = {
  name: 'function-package',
  description: 'each cloud function has index.js and a package.json with "main" and "sdkVersion"',
  check(project) {
    return project.layout.functions.flatMap((target) => checkPackage(project, target));
  },
};

function checkPackage(project: CheckProject, target: Target): Finding[] {
  const findings: Finding[] = [];
  const report = (file: string, message: string, where?: { line: number; column: number }) => {
    findings.push(project.finding('function-package', 'error', file, message, where));
  };

  const index = path.join(target.dir, 'index.js');
  if (!project.isFile(index)) report(index, 'missing: the cloud runtime loads index.js');

  const file = path.join(target.dir, 'package.json');
  if (!project.exists(file)) {
    report(file, 'missing: a cloud function needs package.json with "main" and "sdkVersion"');
    return findings;
  }
  const document = project.readJson(file);
  if (!document) return findings;
  if (!isObject(document.value)) {
    report(file, 'must be a JSON object', document.positionOf([]));
    return findings;
  }

  const { main, sdkVersion } = document.value;
  if (typeof main !== 'string' || main === '') {
    report(
      file,
      '"main" must be set, usually to "index.js"',
      document.positionOf(main === undefined ? [] : ['main']),
    );
  } else if (!project.isFile(path.join(target.dir, main))) {
    report(file, `"main" points at "${main}", which is missing`, document.positionOf(['main']));
  }
  if (typeof sdkVersion !== 'string' || sdkVersion === '') {
    const where = sdkVersion === undefined ? [] : ['sdkVersion'];
    report(file, '"sdkVersion" must be set, usually to "*"', document.positionOf(where));
  }
  return findings;
}

export const functionHandlers: Rule = {
  name: 'function-handlers',
  description: 'cloud function folders and their exports match the contract',
  check(project) {
    const contract = project.contract;
    if (contract.kind === 'missing') {
      const message = 'contract not found, so cloud function handlers were not checked';
      return [project.finding('function-handlers', 'warning', contract.file, message)];
    }
    if (contract.kind === 'invalid') {
      return [project.finding('function-handlers', 'error', contract.file, contract.message)];
    }

    const findings: Finding[] = [];
    const contractFile = project.relative(contract.file);
    const serverDir = path.join(project.distDir, 'server');
    const built = new Map(project.layout.functions.map((target) => [target.name, target]));

    for (const name of contract.functions.keys()) {
      if (built.has(name)) continue;
      const hasSource = ['index.ts', 'index.js'].some((file) =>
        fs.existsSync(path.join(project.root, 'server', name, file)),
      );
      const message = hasSource
        ? `cloud function "${name}" is declared in ${contractFile} but not built here: run the build`
        : `cloud function "${name}" is declared in ${contractFile} but server/${name}/index.ts ` +
          `does not exist: write it with defineFunction('${name}', { ... }), or remove the export`;
      findings.push(project.finding('function-handlers', 'error', serverDir, message));
    }
    for (const target of built.values()) {
      const handlers = contract.functions.get(target.name);
      if (!handlers) {
        const message =
          `cloud function "${target.name}" (server/${target.name}/) is not declared in ` +
          `${contractFile}: add an export "${target.name}" there or remove the folder`;
        findings.push(project.finding('function-handlers', 'error', target.dir, message));
        continue;
      }
      findings.push(...checkHandlers(project, target, new Set(handlers.keys()), contractFile));
    }
    return findings;
  },
};

function checkHandlers(
  project: CheckProject,
  target: Target,
  declared: Set<string>,
  contractFile: string,
): Finding[] {
  const index = path.join(target.dir, 'index.js');
  if (!project.isFile(index)) return [];

  const exported = readExports(project.readJs(index), index, project.root);
  if ('unknown' in exported) {
    const message =
      `the exported handlers can't be read (${exported.unknown}), ` +
      `so they were not compared with ${contractFile}`;
    return [project.finding('function-handlers', 'warning', index, message)];
  }

  const findings: Finding[] = [];
  const missing = [...declared].filter((name) => !exported.names.has(name));
  const extra = [...exported.names].filter((name) => !declared.has(name));
  if (missing.length > 0) {
    const message =
      `handler ${quoteList(missing)} of "${target.name}" ` +
      `declared in ${contractFile} is not exported`;
    findings.push(project.finding('function-handlers', 'error', index, message));
  }
  if (extra.length > 0) {
    const message =
      `exports ${quoteList(extra)}, not declared for "${target.name}" in ${contractFile}: ` +
      'declare it in the contract or stop exporting it';
    findings.push(project.finding('function-handlers', 'error', index, message));
  }
  return findings;
}

export const functionLogin: Rule = {
  name: 'function-login',
  description: 'config.notNeedLogin equals the handlers the contract declares with login: false',
  check(project) {
    const contract = project.contract;
    if (contract.kind !== 'loaded') return [];
    return project.layout.functions.flatMap((target) => {
      const handlers = contract.functions.get(target.name);
      return handlers ? checkNotNeedLogin(project, target, handlers) : [];
    });
  },
};

function checkNotNeedLogin(
  project: CheckProject,
  target: Target,
  handlers: Map<string, boolean>,
): Finding[] {
  const file = path.join(target.dir, 'package.json');
  const document = project.readJson(file);
  if (!document || !isObject(document.value)) return [];

  const expected = [...handlers].filter(([, login]) => !login).map(([name]) => name);
  const config = document.value.config;
  const listed = isObject(config) ? config.notNeedLogin : undefined;
  const where =
    listed !== undefined ? ['config', 'notNeedLogin'] : config !== undefined ? ['config'] : [];
  const position = document.positionOf(where);
  const report = (message: string) => [
    project.finding('function-login', 'error', file, message, position),
  ];

  if (
    listed !== undefined &&
    (!Array.isArray(listed) || listed.some((name) => typeof name !== 'string'))
  ) {
    return report('config.notNeedLogin must be an array of handler names');
  }
  const actual = new Set((listed as string[] | undefined) ?? []);
  const missing = expected.filter((name) => !actual.has(name));
  const extra = [...actual].filter((name) => !expected.includes(name));
  if (missing.length === 0 && extra.length === 0) return [];

  const parts: string[] = [];
  if (missing.length > 0) parts.push(`lacks ${quoteList(missing)} (login: false in the contract)`);
  if (extra.length > 0)
    parts.push(`lists ${quoteList(extra)} (login: true or not in the contract)`);
  return report(
    `config.notNeedLogin ${parts.join(' and ')}; ` +
      `it must be ${JSON.stringify(expected)}: rebuild, ` +
      'since the build writes it from the contract',
  );
}
