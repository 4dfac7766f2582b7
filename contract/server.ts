// Implements a cloud function of the contract. `defineFunction` turns typed handlers into the
// handlers the cloud function runtime calls, and checks each call's input and result on the way.
import * as contract from './api';
import type { CloudContext } from './context';
import type { HandlerSpec } from './define';
import { CloudError, ErrorCode, isCloudError } from './errors';
import type { FunctionName, HandlerName, ParsedInputOf, ResultOf } from './types';
import { checkResult, DEFAULT_INPUT_LIMITS, parseInput } from './validate';
import type { InputLimits } from './validate';

export { CloudError, ErrorCode } from './errors';
export type { InputLimits } from './validate';

/** One handler as written in `server/<fn>/index.ts`: gets the validated input and the context. */
export type HandlerImplementation<F extends FunctionName, H extends HandlerName<F>> = (
  input: ParsedInputOf<F, H>,
  context: CloudContext,
) => Promise<ResultOf<F, H>>;

/** A handler as the runtime calls it: with the context alone, the input in `context.data`. */
export type RuntimeHandler<F extends FunctionName, H extends HandlerName<F>> = (
  context: CloudContext,
) => Promise<ResultOf<F, H>>;

/**
 * Returns the runtime handlers of cloud function `fnName`, one for each handler the contract
 * declares for it; `handlers` must implement exactly those. Before a handler runs, the login
 * requirement, the input's shape and the input schema are checked; its result is checked after.
 * Failures reach the caller as `CloudError`s without a stack trace.
 */
export function defineFunction<F extends FunctionName>(
  fnName: F,
  handlers: { [H in HandlerName<F>]: HandlerImplementation<F, H> },
  limits: Partial<InputLimits> = {},
): { [H in HandlerName<F>]: RuntimeHandler<F, H> } {
  const specs = lookUpFunction(fnName);
  checkHandlerNames(fnName, Object.keys(specs), Object.keys(handlers));
  const inputLimits = { ...DEFAULT_INPUT_LIMITS, ...limits };

  const runtimeHandlers: Record<string, (context: CloudContext) => Promise<unknown>> = {};
  for (const handlerName of Object.keys(specs)) {
    const call = { fnName, handlerName, spec: specs[handlerName], limits: inputLimits };
    const implementation = (handlers as Record<string, Implementation>)[handlerName];
    runtimeHandlers[handlerName] = (context) => runHandler(call, implementation, context);
  }

  return runtimeHandlers as { [H in HandlerName<F>]: RuntimeHandler<F, H> };
}

type Implementation = (input: unknown, context: CloudContext) => Promise<unknown>;

interface HandlerCall {
  fnName: string;
  handlerName: string;
  spec: HandlerSpec;
  limits: InputLimits;
}

async function runHandler(
  call: HandlerCall,
  implementation: Implementation,
  context: CloudContext,
): Promise<unknown> {
  try {
    if (call.spec.login && !context.openId) {
      throw new CloudError(
        ErrorCode.NOT_LOGGED_IN,
        `The handler "${call.handlerName}" needs a logged-in user: log in and try again.`,
      );
    }

    const input = parseInput(call.spec.input, context.data, call.limits);
    const result = await implementation(input, context);
    return checkHandlerResult(call, result, context);
  } catch (error) {
    throw toRuntimeError(call, error, context);
  }
}

function checkHandlerResult(call: HandlerCall, result: unknown, context: CloudContext): unknown {
  const checked = checkResult(call.spec.result, result);
  if (checked.ok) return checked.value;

  const requestId = requestIdOf(context);
  console.error(
    `[${call.fnName}.${call.handlerName}] request ${requestId}: the result does not match ` +
      `the contract: ${checked.problem}`,
  );
  throw new CloudError(
    ErrorCode.INVALID_RESULT,
    `The cloud function returned an invalid result (request ${requestId}).`,
  );
}

// The runtime copies an error's `stack` into the reply's `log`, and keeps `code` as the reply's
// `errorCode` only when the error has a `name`. So every error leaves as a fresh CloudError with
// a name, a code, a message and no stack.
function toRuntimeError(call: HandlerCall, error: unknown, context: CloudContext): CloudError {
  if (isCloudError(error)) return withoutStack(error);

  const requestId = requestIdOf(context);
  console.error(
    `[${call.fnName}.${call.handlerName}] request ${requestId} failed: ${describeError(error)}`,
  );
  return withoutStack(
    new CloudError(
      ErrorCode.INTERNAL,
      `The cloud function failed unexpectedly (request ${requestId}); try again later.`,
    ),
  );
}

function withoutStack(error: CloudError): CloudError {
  const copy = new CloudError(error.code, error.message, error.field);
  delete copy.stack;
  return copy;
}

// The name, the message and the line that threw, without the rest of the stack trace.
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return `a non-Error value of type ${typeof error} was thrown`;

  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at\s/.test(line));
  const where = frames.length > 0 ? ` (${frames[0].trim()})` : '';
  return `${error.name}: ${error.message}${where}`;
}

function requestIdOf(context: CloudContext): string {
  return context.requestId ?? context.traceId ?? context.invokeId ?? 'unknown';
}

function lookUpFunction(fnName: string): Record<string, HandlerSpec> {
  // Enumerable own exports only: the compiled module also carries `__esModule`.
  const declared = Object.prototype.propertyIsEnumerable.call(contract, fnName);
  const specs: unknown = declared
    ? (contract as unknown as Record<string, unknown>)[fnName]
    : undefined;
  if (typeof specs === 'object' && specs !== null) return specs as Record<string, HandlerSpec>;

  throw new Error(
    `defineFunction: "${fnName}" is not a cloud function of the contract. ` +
      'Declare it as an export of contract/api.ts first.',
  );
}

function checkHandlerNames(fnName: string, declared: string[], implemented: string[]): void {
  const missing = declared.filter((name) => !implemented.includes(name));
  const extra = implemented.filter((name) => !declared.includes(name));
  if (missing.length === 0 && extra.length === 0) return;

  const problems = [
    missing.length > 0 ? `missing handlers: ${missing.join(', ')}` : '',
    extra.length > 0 ? `handlers not in the contract: ${extra.join(', ')}` : '',
  ].filter(Boolean);
  throw new Error(
    `defineFunction("${fnName}"): ${problems.join('; ')}. ` +
      'Implement exactly the handlers that contract/api.ts declares for it.',
  );
}
