// Removes the entry.js that faas-mini-app's own postinstall script copies into the folder that
// ran `npm install`. That file is a template for the cloud: it requires @tbmp/mp-cloud-node-sdk,
// which is not on the public registry, so it cannot run here and only clutters the project.
// A file is deleted only when its code is that template; a project's own entry.js stays.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

// The template's code with comments and whitespace removed. Only `debug` may differ.
const TEMPLATE =
  /^('usestrict';)?module\.exports=require\('faas-mini-app'\)\.handler\(\{baseDir:__dirname,debug:(true|false),cloudSDK:require\('@tbmp\/mp-cloud-node-sdk'\)\.cloud,?\}\);?$/;

/** Returns true when the text is faas-mini-app's entry.js template. */
function isEntryTemplate(text) {
  const code = text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/[^\n]*/g, '')
    .replace(/\s+/g, '')
    .replace(/"/g, "'");
  return TEMPLATE.test(code);
}

/** Deletes `<dir>/entry.js` when it is the template; returns what it did, for the log line. */
function removeEntryTemplate(dir) {
  const file = path.join(dir, 'entry.js');

  let text;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if (error.code === 'ENOENT') return 'absent';
    throw error;
  }

  if (!isEntryTemplate(text)) return 'kept';

  fs.rmSync(file);
  return 'removed';
}

function main() {
  // faas-mini-app copies into INIT_CWD, the folder where `npm install` was typed.
  const dirs = new Set([process.cwd(), process.env.INIT_CWD].filter(Boolean));

  for (const dir of dirs) {
    const outcome = removeEntryTemplate(dir);
    if (outcome === 'removed') {
      process.stdout.write(
        `postinstall: removed ${path.join(dir, 'entry.js')} (faas-mini-app's template)\n`,
      );
    }
    if (outcome === 'kept') {
      process.stdout.write(
        `postinstall: kept ${path.join(dir, 'entry.js')}: it is not faas-mini-app's template\n`,
      );
    }
  }
}

module.exports = { isEntryTemplate, removeEntryTemplate };

if (require.main === module) {
  main();
}
