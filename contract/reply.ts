// Reads the value that `cloud.function.invoke` resolved with. No zod, so client and plugin
// output can include it.
import { toCloudError } from './errors';

/** The reply the cloud function runtime (faas-mini-app 2.2.3) wraps every handler result in. */
interface RuntimeReply {
  success: boolean;
  errorCode?: unknown;
  errorMessage: string;
  result: unknown;
}

/**
 * Returns the handler's result from a resolved `invoke` value, and throws a `CloudError` for a
 * runtime reply with `success: false`.
 */
export function unwrapReply(reply: unknown): unknown {
  // NOTE: whether the production gateway resolves `invoke` with the handler's bare result or
  // with the runtime's wrapper is not confirmed publicly. Public page code points to the bare
  // result, so that is the default, and the wrapper is recognised only by its full signature:
  // a handler may return a `success` field of its own.
  if (!isRuntimeReply(reply)) return reply;

  if (reply.success) return reply.result;

  throw toCloudError(reply);
}

function isRuntimeReply(value: unknown): value is RuntimeReply {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;

  const reply = value as Record<string, unknown>;
  const hasCoreFields =
    typeof reply.success === 'boolean' &&
    typeof reply.errorMessage === 'string' &&
    'result' in reply;
  if (!hasCoreFields) return false;

  // The runtime copies `errorCode` from the thrown error; JSON drops it when the error had no
  // code (an unknown handler, a plain `Error`), and then its own `ts` and `log` fields remain.
  if ('errorCode' in reply) return true;
  return typeof reply.ts === 'number' && typeof reply.log === 'string';
}
