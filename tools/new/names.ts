// Checks the names that `npm run new` turns into folders, JSON keys and JavaScript exports.
import { NewCommandError } from './errors';

const MAX_NAME_LENGTH = 64;

const FOLDER_NAME = /^[A-Za-z][A-Za-z0-9_-]*$/;
const IDENTIFIER_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

// Reserved words of ECMAScript (strict mode included), and the names every object inherits:
// `hello.constructor` would find Object's constructor instead of a declared handler.
const RESERVED = new Set(
  `arguments await break case catch class const continue debugger default delete do else enum
   eval export extends false finally for function if implements import in instanceof
   interface let new null package private protected public return static super switch this
   throw true try typeof undefined var void while with yield constructor hasOwnProperty
   isPrototypeOf propertyIsEnumerable toLocaleString toString valueOf`.split(/\s+/),
);

/**
 * Checks a page or component name, which becomes a folder name and a JSON key: letters, digits,
 * "-" and "_", starting with a letter. `kind` names the thing in the message, e.g. "page".
 */
export function checkFolderName(kind: string, name: string | undefined): string {
  const value = checkPresentAndShort(kind, name);
  if (FOLDER_NAME.test(value)) return value;

  throw new NewCommandError(
    `Invalid ${kind} name "${value}": use letters, digits, "-" and "_", starting with a letter ` +
      `(for example "order-list").${separatorHint(value)}`,
  );
}

/**
 * Checks a cloud function or handler name, which becomes a JavaScript export and a contract
 * key: letters, digits and "_", starting with a letter, and no reserved word.
 */
export function checkIdentifierName(kind: string, name: string | undefined): string {
  const value = checkPresentAndShort(kind, name);
  if (!IDENTIFIER_NAME.test(value)) {
    throw new NewCommandError(
      `Invalid ${kind} name "${value}": it becomes a JavaScript export, so use letters, digits ` +
        `and "_", starting with a letter (for example "${suggestIdentifier(value)}").` +
        separatorHint(value),
    );
  }
  if (RESERVED.has(value)) {
    throw new NewCommandError(
      `Invalid ${kind} name "${value}": it is a reserved word or a property every JavaScript ` +
        'object has, so it cannot name an export. Choose another name.',
    );
  }
  return value;
}

function checkPresentAndShort(kind: string, name: string | undefined): string {
  if (name === undefined || name === '') {
    throw new NewCommandError(`Missing the ${kind} name. Run npm run new -- --help for usage.`);
  }
  if (name.length > MAX_NAME_LENGTH) {
    throw new NewCommandError(
      `Invalid ${kind} name "${name}": it has ${name.length} characters, ` +
        `at most ${MAX_NAME_LENGTH} are allowed.`,
    );
  }
  return name;
}

function separatorHint(value: string): string {
  if (!/[/\\]/.test(value)) return '';
  return ' A name is one folder: the generator chooses where it goes.';
}

/** Turns "order-list" into "orderList", as an example of a valid identifier. */
function suggestIdentifier(value: string): string {
  const camel = value
    .replace(/[^A-Za-z0-9]+(.)?/g, (_match, next: string | undefined) => next?.toUpperCase() ?? '')
    .replace(/^[^A-Za-z]+/, '');
  return camel === '' ? 'orderList' : camel;
}
