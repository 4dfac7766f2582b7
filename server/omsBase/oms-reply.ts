// Reads the OMS backend's reply. The backend replies with JSON of the form
// `{ success: true, data }` or `{ success: false, errorMessage }`, the format of the mock in
// local-cloud/mock-oms.ts. Change this file if your backend uses another envelope.
import { CloudError } from '../../contract/server';
import { OmsErrorCode, shorten } from './oms-errors';

interface OmsReply {
  success: boolean;
  data?: unknown;
  errorMessage?: unknown;
}

/** Returns the `data` of a successful reply; throws a CloudError for anything else. */
export function readOmsReply(text: string, api: string): unknown {
  let reply: unknown;
  try {
    reply = JSON.parse(text);
  } catch {
    const start = JSON.stringify(text.slice(0, 40));
    throw new CloudError(
      OmsErrorCode.BAD_GATEWAY,
      `omsHttp: ${api}: the backend reply is not JSON (it starts with ${start}).`,
    );
  }

  if (!isOmsReply(reply)) {
    throw new CloudError(
      OmsErrorCode.BAD_GATEWAY,
      `omsHttp: ${api}: the backend reply has no boolean "success" field; ` +
        'expected { success, data }.',
    );
  }

  if (reply.success) return reply.data ?? null;

  const reason =
    typeof reply.errorMessage === 'string' ? shorten(reply.errorMessage) : 'no errorMessage given';
  throw new CloudError(
    OmsErrorCode.BACKEND_ERROR,
    `omsHttp: ${api}: the backend reported a failure: ${reason}`,
  );
}

function isOmsReply(value: unknown): value is OmsReply {
  if (typeof value !== 'object' || value === null) return false;
  return typeof (value as { success?: unknown }).success === 'boolean';
}
