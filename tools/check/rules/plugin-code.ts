// Plugin rules for JS and AXML. Inside a plugin there is no getApp(), getCurrentPages() or
// <web-view>: plugin-globals finds references to the two globals in plugin JS (node_modules
// included, since packages run in the plugin too), and plugin-web-view finds the tag.
import type * as acorn from 'acorn';
import * as walk from 'acorn-walk';

import { walkElements } from '../axml';
import type { Finding, Rule } from '../types';

const FORBIDDEN_GLOBALS = new Set(['getApp', 'getCurrentPages']);

export const pluginGlobals: Rule = {
  name: 'plugin-globals',
  description: 'plugin JS references neither getApp nor getCurrentPages',
  check(project) {
    const plugin = project.layout.plugin;
    if (!plugin) return [];

    const findings: Finding[] = [];
    for (const file of project.listFiles(plugin.dir, { extensions: ['js'], nodeModules: true })) {
      const program = project.readJs(file);
      if (!program) continue;
      for (const node of forbiddenReferences(program)) {
        const message =
          `${node.name} is not available inside a plugin: take what the host offers through ` +
          "component props or the plugin's main exports";
        findings.push(project.finding('plugin-globals', 'error', file, message, node.start));
      }
    }
    return findings;
  },
};

/** Finds identifiers named getApp or getCurrentPages used as values (not as property names). */
function forbiddenReferences(program: acorn.Program): acorn.Identifier[] {
  const found: acorn.Identifier[] = [];
  walk.fullAncestor(program, (node, _state, ancestors) => {
    if (node.type !== 'Identifier') return;
    const identifier = node as acorn.Identifier;
    if (!FORBIDDEN_GLOBALS.has(identifier.name)) return;
    if (isReference(identifier, ancestors[ancestors.length - 2])) found.push(identifier);
  });
  return found;
}

function isReference(node: acorn.Identifier, parent: acorn.Node | undefined): boolean {
  if (!parent) return true;
  if (parent.type === 'MemberExpression') {
    const member = parent as acorn.MemberExpression;
    return member.object === node || member.computed;
  }
  if (
    parent.type === 'Property' ||
    parent.type === 'MethodDefinition' ||
    parent.type === 'PropertyDefinition'
  ) {
    const property = parent as acorn.Property;
    return property.value === node || property.computed;
  }
  return !['LabeledStatement', 'BreakStatement', 'ContinueStatement'].includes(parent.type);
}

export const pluginWebView: Rule = {
  name: 'plugin-web-view',
  description: 'plugin AXML has no <web-view>',
  check(project) {
    const plugin = project.layout.plugin;
    if (!plugin) return [];

    const findings: Finding[] = [];
    for (const file of project.listFiles(plugin.dir, { extensions: ['axml'] })) {
      const document = project.readAxml(file);
      if (!document) continue;
      walkElements(document.children, (element) => {
        if (element.name !== 'web-view') return;
        const message =
          '<web-view> is not available inside a plugin: open the page from the host app';
        findings.push(project.finding('plugin-web-view', 'error', file, message, element.offset));
      });
    }
    return findings;
  },
};
