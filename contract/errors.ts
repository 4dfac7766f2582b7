// One error type for every failure of a cloud function call, on the client, in the plugin and on
// the server. This file imports nothing, so client and plugin output can include it as it is.

/** The error codes that the starter itself uses. Handlers may throw any other code too. */
export const ErrorCode = {
  /** The input does not match the contract; the message starts with the field path. */
  INVALID_INPUT: 'INVALID_INPUT',
  /** The handler returned a result that does not match the contract. */
  INVALID_RESULT: 'INVALID_RESULT',
  /** The handler needs a logged-in user and the call had none. */
  NOT_LOGGED_IN: 'NOT_LOGGED_IN',
  /** The cloud function has no handler of that name. */
  UNKNOWN_HANDLER: 'UNKNOWN_HANDLER',
  /** An unexpected failure; the server logged the details. */
  INTERNAL: 'INTERNAL',
  /** The request did not reach the cloud or its reply was lost. */
  NETWORK: 'NETWORK',
  /** The user's session expired; the user has to log in again. */
  SESSION_EXPIRED: 'SESSION_EXPIRED',
} as const;

/** One of the codes in `ErrorCode`. */
export type KnownErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** A failed cloud function call: a code to branch on and a message a page can show. */
export class CloudError extends Error {
  /** One of `ErrorCode`, or a business code that a handler chose, such as `'SOLD_OUT'`. */
  readonly code: string;
  /** For `INVALID_INPUT`: the dotted path of the rejected field inside the input, if known. */
  readonly field?: string;

  constructor(code: string, message: string, field?: string) {
    super(message);
    this.name = 'CloudError';
    this.code = code;
    if (field !== undefined) this.field = field;
  }
}

/** Tells whether `value` is a `CloudError`, also one made by another copy of this file. */
export function isCloudError(value: unknown): value is CloudError {
  if (value instanceof CloudError) return true;
  if (!isRecord(value)) return false;
  return value.name === 'CloudError' && typeof value.code === 'string';
}

/**
 * Converts any failure of a call into a `CloudError`: a rejection of the cloud SDK (message
 * `"<code>:::<message>"` and `.code`/`.msg`), a runtime reply with `success: false`
 * (`errorCode`, `errorMessage`), the runtime's login and unknown-handler failures, or any other
 * thrown value. Stack traces are never copied into the message.
 */
export function toCloudError(failure: unknown): CloudError {
  if (failure instanceof CloudError) return failure;

  if (isCloudError(failure)) {
    return new CloudError(failure.code, String(failure.message), failure.field);
  }

  if (typeof failure === 'string') return fromSdkMessage(failure, undefined);

  if (!isRecord(failure)) {
    const message = 'The cloud function call failed for an unknown reason.';
    return new CloudError(ErrorCode.INTERNAL, message);
  }

  if (failure.success === false && 'errorMessage' in failure) {
    return fromCodeAndMessage(failure.errorCode, failure.errorMessage);
  }

  const message = typeof failure.message === 'string' ? failure.message : undefined;
  const sdkMessage = typeof failure.msg === 'string' ? failure.msg : undefined;
  return fromSdkMessage(message ?? sdkMessage ?? '', failure.code);
}

const SDK_SEPARATOR = ':::';
const SESSION_EXPIRED_SDK_CODE = '904';
const NETWORK_SDK_CODE = '500';
// The SDK also uses code 500 for a function error that carried no code of its own, so only its
// own client-side messages mean a network failure.
const SDK_CLIENT_MESSAGES = ['客户端网络错误,请稍后重试', '本次请求内容过长，请控制在1M以内'];
const NOT_LOGGED_IN_RUNTIME_CODE = '-1';
const USER_CODE_RUNTIME_CODE = '-2';
const NOT_LOGGED_IN_PATTERN = /^user not login, handler = (.*)$/;
const UNKNOWN_HANDLER_PATTERN = /^the handler = (.*) not found$/;
const FIELD_PATTERN = /^input\.([^\s:]+): /;
const STACK_LINE_PATTERN = /^\s+at\s/;

// The SDK puts the code in front of the message ("INVALID_INPUT:::input.title: Too big") and
// also sets `.code`. The code in the message wins because `.code` may be missing.
function fromSdkMessage(message: string, code: unknown): CloudError {
  const separator = message.indexOf(SDK_SEPARATOR);
  if (separator < 0) return fromCodeAndMessage(code, message);

  const codeInMessage = message.slice(0, separator);
  const rest = message.slice(separator + SDK_SEPARATOR.length);
  return fromCodeAndMessage(codeInMessage || code, rest);
}

function fromCodeAndMessage(rawCode: unknown, rawMessage: unknown): CloudError {
  const code = rawCode === undefined || rawCode === null ? '' : String(rawCode);
  const message = withoutStackLines(typeof rawMessage === 'string' ? rawMessage : '');

  const notLoggedIn = NOT_LOGGED_IN_PATTERN.exec(message);
  if (notLoggedIn || code === NOT_LOGGED_IN_RUNTIME_CODE) {
    const handler = notLoggedIn ? `"${notLoggedIn[1]}" ` : '';
    return new CloudError(
      ErrorCode.NOT_LOGGED_IN,
      `The handler ${handler}needs a logged-in user: log in and try again.`,
    );
  }

  const unknownHandler = UNKNOWN_HANDLER_PATTERN.exec(message);
  if (unknownHandler) {
    return new CloudError(
      ErrorCode.UNKNOWN_HANDLER,
      `The cloud function has no handler "${unknownHandler[1]}": check the handler name, ` +
        'and upload the cloud function again if it was added recently.',
    );
  }

  if (code === SESSION_EXPIRED_SDK_CODE) {
    const text = message || 'The session expired: log in again.';
    return new CloudError(ErrorCode.SESSION_EXPIRED, text);
  }

  if (code === NETWORK_SDK_CODE && (message === '' || SDK_CLIENT_MESSAGES.includes(message))) {
    return new CloudError(ErrorCode.NETWORK, message || 'The network request failed: try again.');
  }

  if (code === NETWORK_SDK_CODE) {
    return new CloudError(ErrorCode.INTERNAL, message);
  }

  if (code === '' || code === USER_CODE_RUNTIME_CODE) {
    return new CloudError(ErrorCode.INTERNAL, message || 'The cloud function call failed.');
  }

  const field = code === ErrorCode.INVALID_INPUT ? FIELD_PATTERN.exec(message)?.[1] : undefined;
  const text = message || `The cloud function call failed with code ${code}.`;
  return new CloudError(code, text, field);
}

function withoutStackLines(message: string): string {
  return message
    .split('\n')
    .filter((line) => !STACK_LINE_PATTERN.test(line))
    .join('\n')
    .trim();
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
