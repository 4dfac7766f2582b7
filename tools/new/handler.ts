// `npm run new -- handler <function> <name> [--login|--no-login]`: a handler of an existing
// cloud function, declared in contract/api.ts and exported by server/<function>/index.ts.
import fs from 'node:fs';
import path from 'node:path';

import { readProjectFile, type Plan } from './changes';
import { addHandlerEntry } from './contract-edits';
import { CONTRACT_FILE, declaredFunctions, parseContractFile } from './contract-file';
import { NewCommandError } from './errors';
import { functionSourcePath, listFunctionSources, parseFunctionFile } from './function-file';
import { checkIdentifierName } from './names';
import { handlerSource } from './templates/cloud-function';
import { appendToBraceList, applyTextEdits } from './ts-source';

export function newHandler(
  root: string,
  rawFunction: string | undefined,
  rawName: string | undefined,
  login: boolean,
): Plan {
  const fn = checkIdentifierName('cloud function', rawFunction);
  const name = checkIdentifierName('handler', rawName);

  const contract = parseContractFile(readProjectFile(root, CONTRACT_FILE));
  ensureFunctionSource(root, fn, declaredFunctions(contract).includes(fn));
  const contractText = addHandlerEntry(contract, fn, name, login);

  const sourceFile = functionSourcePath(fn);
  const source = parseFunctionFile(fn, readProjectFile(root, sourceFile));
  if (source.takenNames.has(name)) {
    throw new NewCommandError(
      `${sourceFile} already uses the name "${name}" (as an export, a handler or a top-level ` +
        'declaration), and a handler becomes an export of that name. Choose another name.',
    );
  }

  const sourceEdits = [
    ...appendToBraceList(source, source.exportsList, name),
    ...appendToBraceList(source, source.handlersList, handlerSource(name, source.style, fn)),
  ];

  return {
    changes: [
      {
        kind: 'update',
        file: CONTRACT_FILE,
        before: contract.text,
        content: contractText,
        summary: `declared the handler "${name}" of "${fn}" (login: ${login})`,
      },
      {
        kind: 'update',
        file: sourceFile,
        before: source.text,
        content: applyTextEdits(source, sourceEdits),
        summary: `exported the handler "${name}"`,
      },
    ],
    next: [
      `Declare the input and result of ${fn}.${name} in ${CONTRACT_FILE}, write the handler`,
      `in ${sourceFile}, then run it on this machine:`,
      `npm run build:test && npm run invoke -- ${fn} ${name}`,
    ],
  };
}

/** Rejects a function without server/<fn>/index.ts, naming the functions that exist. */
function ensureFunctionSource(root: string, fn: string, declared: boolean): void {
  const file = functionSourcePath(fn);
  if (fs.existsSync(path.join(root, file))) return;

  if (fs.existsSync(path.join(root, 'server', fn, 'index.js'))) {
    throw new NewCommandError(
      `server/${fn}/index.js is JavaScript: npm run new adds handlers to index.ts only. ` +
        'Add the handler by hand, or convert the function to TypeScript.',
    );
  }
  if (declared) {
    throw new NewCommandError(
      `${CONTRACT_FILE} declares the cloud function "${fn}", but ${file} is missing. Write that ` +
        `file with defineFunction('${fn}', { ... }) first, then add handlers.`,
    );
  }
  const known = listFunctionSources(root);
  const list = known.length > 0 ? known.join(', ') : 'none';
  throw new NewCommandError(
    `Unknown cloud function "${fn}": ${file} not found (cloud functions here: ${list}). ` +
      `Create it with npm run new -- function ${fn}.`,
  );
}
