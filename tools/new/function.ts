// `npm run new -- function <name> [--login|--no-login]`: a cloud function in server/<name> with
// one `main` handler, and its export in contract/api.ts.
import { ensureAbsent, ensureNoCaseClash, readProjectFile, type Plan } from './changes';
import { addFunctionExport } from './contract-edits';
import { CONTRACT_FILE, parseContractFile } from './contract-file';
import { functionSourcePath } from './function-file';
import { checkIdentifierName } from './names';
import { functionSource } from './templates/cloud-function';

export function newFunction(root: string, rawName: string | undefined, login: boolean): Plan {
  const name = checkIdentifierName('cloud function', rawName);

  const contract = parseContractFile(readProjectFile(root, CONTRACT_FILE));
  const contractText = addFunctionExport(contract, name, login);
  ensureAbsent(root, `server/${name}`, 'The cloud function folder');
  ensureNoCaseClash(root, `server/${name}`, 'The cloud function folder');

  return {
    changes: [
      { kind: 'create', file: functionSourcePath(name), content: functionSource(name) },
      {
        kind: 'update',
        file: CONTRACT_FILE,
        before: contract.text,
        content: contractText,
        summary: `exported "${name}" with the handler "main" (login: ${login})`,
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
