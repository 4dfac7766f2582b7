// `npm run new -- function <name> [--login|--no-login]`: a cloud function in server/<name> with
// one `main` handler, and its entry in contract/api.ts.
import { ensureAbsent, ensureNoCaseClash, readProjectFile, type Plan } from './changes';
import {
  CONTRACT_FILE,
  declaredFunctions,
  functionsList,
  parseContractFile,
} from './contract-file';
import { NewCommandError } from './errors';
import { functionSourcePath } from './function-file';
import { checkIdentifierName } from './names';
import { contractFunctionEntry, functionSource } from './templates/cloud-function';
import { appendToBraceList, applyTextEdits } from './ts-source';

export function newFunction(root: string, rawName: string | undefined, login: boolean): Plan {
  const name = checkIdentifierName('cloud function', rawName);

  const contract = parseContractFile(readProjectFile(root, CONTRACT_FILE));
  if (declaredFunctions(contract).includes(name)) {
    throw new NewCommandError(
      `${CONTRACT_FILE} already declares the cloud function "${name}". Choose another name, or ` +
        `add a handler to it with npm run new -- handler ${name} <handler>.`,
    );
  }
  ensureAbsent(root, `server/${name}`, 'The cloud function folder');
  ensureNoCaseClash(root, `server/${name}`, 'The cloud function folder');

  const edits = appendToBraceList(
    contract,
    functionsList(contract),
    contractFunctionEntry(name, login),
  );
  return {
    changes: [
      { kind: 'create', file: functionSourcePath(name), content: functionSource(name) },
      {
        kind: 'update',
        file: CONTRACT_FILE,
        before: contract.text,
        content: applyTextEdits(contract, edits),
        summary: `declared "${name}" with the handler "main" (login: ${login})`,
      },
    ],
    next: nextSteps(name),
  };
}

function nextSteps(name: string): string[] {
  return [
    `Declare the input and result of ${name}.main in ${CONTRACT_FILE}, write the handler in`,
    `${functionSourcePath(name)}, then run it on this machine:`,
    `npm run build:test && npm run invoke -- ${name} main`,
  ];
}
