// Every rule of `npm run check`, in the order their findings are grouped for a file.
import { acssSyntax, pluginAcss } from './rules/acss';
import { axmlConditions, axmlSyntax } from './rules/axml';
import { functionHandlers, functionLogin, functionPackage } from './rules/cloud-functions';
import { eventHandlers } from './rules/event-handlers';
import { jsSyntax } from './rules/js-syntax';
import { jsonSyntax } from './rules/json-syntax';
import { pageFiles } from './rules/page-files';
import { pluginGlobals, pluginWebView } from './rules/plugin-code';
import { pluginJson } from './rules/plugin-json';
import { projectConfig } from './rules/project-config';
import { targetSize } from './rules/target-size';
import { uploadFiles } from './rules/upload-files';
import { componentJson, usingComponents } from './rules/using-components';
import type { Rule } from './types';

export const RULES: readonly Rule[] = [
  jsonSyntax,
  projectConfig,
  pageFiles,
  pluginJson,
  usingComponents,
  componentJson,
  axmlSyntax,
  axmlConditions,
  eventHandlers,
  pluginGlobals,
  pluginWebView,
  acssSyntax,
  pluginAcss,
  jsSyntax,
  uploadFiles,
  targetSize,
  functionPackage,
  functionHandlers,
  functionLogin,
];
