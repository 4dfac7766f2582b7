// Templates of a cloud function, its handlers and their contract entries. A new handler takes
// an empty input and returns the cloud env, so the build, the type check and the release check
// pass before the handler does any real work.
import { lines } from './text';

/** server/<fn>/index.ts with one `main` handler. */
export function functionSource(fn: string): string {
  return lines(
    `// The ${fn} cloud function. Its handlers, their input and their result are declared`,
    `// as the export \`${fn}\` of contract/api.ts.`,
    "import { defineFunction } from '../../contract/server';",
    '',
    `export const { main } = defineFunction('${fn}', {`,
    `${indent(handlerSource('main', 'method', fn))},`,
    '});',
  );
}

/** A handler of the object passed to defineFunction, without indentation or a comma. */
export function handlerSource(name: string, style: 'method' | 'arrow', fn: string): string {
  const head =
    style === 'method'
      ? `async ${name}(_input, context) {`
      : `${name}: async (_input, context) => {`;
  return [
    head,
    `  // TODO: replace this placeholder with the work of ${fn}.${name}.`,
    "  return { env: context.env ?? 'unknown' };",
    '}',
  ].join('\n');
}

/**
 * The contract export of a new function: `export const <fn> = { main: handler({...}) }`, ending
 * with a semicolon when `semicolon` is true.
 */
export function contractFunctionExport(fn: string, login: boolean, semicolon: boolean): string {
  const end = semicolon ? ';' : '';
  return `export const ${fn} = {\n${indent(contractHandlerEntry('main', login))},\n}${end}`;
}

/** The contract entry of a new handler: `<name>: handler({...})`, without a comma. */
export function contractHandlerEntry(name: string, login: boolean): string {
  return [
    `${name}: handler({`,
    `  login: ${login},`,
    '  // TODO: declare the fields this handler takes and returns.',
    '  input: z.strictObject({}),',
    '  result: z.object({ env: z.string() }),',
    '})',
  ].join('\n');
}

/** Indents every line by two spaces. */
function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}
