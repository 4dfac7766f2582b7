// axml-syntax: every AXML file is well-formed once `{{ }}` is masked, and every expression
// parses. axml-conditions: a:elif and a:else follow a sibling with a:if or a:elif.
import {
  attributeOf,
  walkElements,
  type AxmlDocument,
  type AxmlNode,
  type AxmlProblem,
} from '../axml';
import { checkExpression } from '../expressions';
import type { CheckProject } from '../project';
import type { Finding, Rule } from '../types';

/** AXML files of the host app and the plugin, outside node_modules. */
export function listAxmlFiles(project: CheckProject): string[] {
  const targets = [project.layout.client, project.layout.plugin];
  return targets.flatMap((target) => {
    return target ? project.listFiles(target.dir, { extensions: ['axml'] }) : [];
  });
}

export const axmlSyntax: Rule = {
  name: 'axml-syntax',
  description: 'AXML is well-formed and every {{ }} expression parses',
  check(project) {
    return listAxmlFiles(project).flatMap((file) => checkSyntax(project, file));
  },
};

function checkSyntax(project: CheckProject, file: string): Finding[] {
  const document = project.readAxml(file);
  if (!document) return [];

  const findings: Finding[] = [];
  if (document.error) {
    const { message, offset } = document.error;
    findings.push(project.finding('axml-syntax', 'error', file, message, offset));
  }
  for (const { message, offset } of expressionProblems(document)) {
    findings.push(project.finding('axml-syntax', 'error', file, message, offset));
  }
  return findings;
}

/** Lists the expressions of a document that do not parse; the build uses it per file too. */
export function expressionProblems(document: AxmlDocument): AxmlProblem[] {
  const templateData = templateDataOffsets(document.children);
  const problems: AxmlProblem[] = [];
  for (const expression of document.expressions) {
    const problem = checkExpression(expression, templateData.has(expression.offset));
    if (problem) problems.push(problem);
  }
  return problems;
}

/** Offsets of the expressions in `<template data="">`, which may be object bodies. */
function templateDataOffsets(nodes: AxmlNode[]): Set<number> {
  const offsets = new Set<number>();
  walkElements(nodes, (element) => {
    if (element.name !== 'template') return;
    const data = attributeOf(element, 'data');
    for (const expression of data?.expressions ?? []) offsets.add(expression.offset);
  });
  return offsets;
}

export const axmlConditions: Rule = {
  name: 'axml-conditions',
  description: 'a:elif and a:else follow a sibling element with a:if or a:elif',
  check(project) {
    const findings: Finding[] = [];
    for (const file of listAxmlFiles(project)) {
      const document = project.readAxml(file);
      if (!document || document.error) continue;
      for (const { message, offset } of conditionProblems(document)) {
        findings.push(project.finding('axml-conditions', 'error', file, message, offset));
      }
    }
    return findings;
  },
};

/** Lists a:elif and a:else attributes without an open a:if chain; the build uses it too. */
export function conditionProblems(document: AxmlDocument): AxmlProblem[] {
  const problems: AxmlProblem[] = [];
  checkSiblings(document.children, (message, offset) => problems.push({ message, offset }));
  return problems;
}

type Report = (message: string, offset: number) => void;

/** Walks one list of siblings, tracking whether an a:if chain is open, then their children. */
function checkSiblings(nodes: AxmlNode[], report: Report): void {
  let chainOpen = false;

  for (const node of nodes) {
    if (node.type === 'comment') continue;
    if (node.type === 'text') {
      if (node.text.trim() !== '') chainOpen = false;
      continue;
    }

    const condition = attributeOf(node, 'a:if');
    const branch = attributeOf(node, 'a:elif') ?? attributeOf(node, 'a:else');
    if (condition && branch) {
      report(`<${node.name}> has both a:if and ${branch.name}: keep one`, branch.nameOffset);
    } else if (branch && !chainOpen) {
      const message =
        `${branch.name} on <${node.name}> must directly follow a sibling ` + 'with a:if or a:elif';
      report(message, branch.nameOffset);
    }

    chainOpen = condition !== undefined || branch?.name === 'a:elif';
    checkSiblings(node.children, report);
  }
}
