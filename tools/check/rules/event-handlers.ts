// event-handlers: an event attribute such as onTap="save" or catchChange="pick" names a method
// the page (a top-level property of Page({...})) or component (its `methods`) defines. A value
// with {{ }}, or code the checker cannot read, gives a warning instead.
import { walkElements, type AxmlAttribute } from '../axml';
import { readMethods, type MethodsResult } from '../methods';
import type { CheckProject } from '../project';
import type { Finding, Rule } from '../types';
import { listAxmlFiles } from './axml';

const RULE = 'event-handlers';
const EVENT_ATTRIBUTE = /^(on|catch)[A-Z]/;
const METHOD_NAME = /^[A-Za-z_$][\w$]*$/;

export const eventHandlers: Rule = {
  name: RULE,
  description: 'onTap/catchTap-style attributes name a method of the page or component',
  check(project) {
    return listAxmlFiles(project).flatMap((file) => checkFile(project, file));
  },
};

function checkFile(project: CheckProject, axmlFile: string): Finding[] {
  const document = project.readAxml(axmlFile);
  if (!document || document.error) return [];

  const events: AxmlAttribute[] = [];
  walkElements(document.children, (element) => {
    events.push(...element.attributes.filter((attribute) => EVENT_ATTRIBUTE.test(attribute.name)));
  });
  if (events.length === 0) return [];

  // A template file without its own .js is imported by pages, whose methods it can't see.
  const scriptFile = axmlFile.replace(/\.axml$/, '.js');
  if (!project.isFile(scriptFile)) return [];
  const program = project.readJs(scriptFile);
  if (!program) return [];

  const methods = readMethods(program);
  const script = project.relative(scriptFile);
  return events.flatMap((attribute) => {
    const problem = checkAttribute(attribute, methods, script);
    if (!problem) return [];
    const offset = attribute.value === undefined ? attribute.nameOffset : attribute.valueOffset;
    return [project.finding(RULE, problem.severity, axmlFile, problem.message, offset)];
  });
}

interface Problem {
  severity: 'error' | 'warning';
  message: string;
}

function checkAttribute(
  attribute: AxmlAttribute,
  methods: MethodsResult,
  script: string,
): Problem | undefined {
  const { name, value } = attribute;
  if (value === undefined || value.trim() === '') {
    return {
      severity: 'error',
      message: `${name} has no value: name a method, such as ${name}="handle"`,
    };
  }
  if (attribute.expressions.length > 0) {
    return {
      severity: 'warning',
      message: `${name}="${value}" is dynamic, so its method can't be checked`,
    };
  }
  if (!METHOD_NAME.test(value)) {
    return {
      severity: 'warning',
      message: `${name}="${value}" is not a method name, so it can't be checked`,
    };
  }

  if (methods.kind === 'unknown') {
    return {
      severity: 'warning',
      message: `${name}="${value}" can't be checked: ${methods.reason} in ${script}`,
    };
  }
  if (methods.names.has(value)) return undefined;

  const owner = methods.kind === 'page' ? 'the page' : 'the component\'s "methods"';
  if (methods.incomplete) {
    const message =
      `${name}="${value}": "${value}" not found in ${owner} (${script}), ` +
      `and ${methods.incomplete}`;
    return { severity: 'warning', message };
  }
  return {
    severity: 'error',
    message: `${name}="${value}": ${owner} in ${script} has no "${value}"`,
  };
}
