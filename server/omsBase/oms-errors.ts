// The error codes of omsHttp and the conversion of a failed httpApi.invoke into them.
import { CloudError } from '../../contract/server';

/** Error codes of omsHttp, besides PATH_NOT_ALLOWED from the path policy. */
export const OmsErrorCode = {
  /** The request itself is not acceptable: a body on GET, or a body over the size limit. */
  BAD_REQUEST: 'BAD_REQUEST',
  /** The backend responded with an error status or with `success: false`. */
  BACKEND_ERROR: 'BACKEND_ERROR',
  /** The backend could not be reached, or its reply is not the expected JSON. */
  BAD_GATEWAY: 'BAD_GATEWAY',
  /** The backend did not respond within `__BACKEND__.timeoutMs`. */
  TIMEOUT: 'TIMEOUT',
} as const;

/** Maximum length of a backend error message passed on to the caller, in characters. */
const MAX_DETAIL_LENGTH = 200;

/**
 * Converts a rejection of httpApi.invoke for API `api` into a CloudError.
 * NOTE: the platform does not document the error of a failed httpApi.invoke. The codes read
 * here are the local cloud's (HTTP_API_STATUS with `status` and `body`, HTTP_API_TIMEOUT), and
 * any other failure becomes BAD_GATEWAY.
 */
export function toOmsError(error: unknown, api: string): CloudError {
  const { code, status, body, message } = (error ?? {}) as Record<string, unknown>;

  if (code === 'HTTP_API_TIMEOUT') {
    return new CloudError(
      OmsErrorCode.TIMEOUT,
      `omsHttp: ${api}: the backend request timed out; try again later.`,
    );
  }

  if (code === 'HTTP_API_STATUS' && typeof status === 'number') {
    const detail = typeof body === 'string' ? backendMessage(body) : undefined;
    const text = `omsHttp: ${api}: the backend returned HTTP ${status}`;
    return new CloudError(OmsErrorCode.BACKEND_ERROR, detail ? `${text}: ${detail}` : `${text}.`);
  }

  // The details go to the function's log only: they may name internal hosts.
  console.error(`omsHttp: ${api}: the backend request failed: ${String(message ?? error)}`);
  return new CloudError(
    OmsErrorCode.BAD_GATEWAY,
    `omsHttp: ${api}: the backend could not be reached; try again later.`,
  );
}

/** Returns `errorMessage` of a JSON error body, shortened, or undefined when there is none. */
export function backendMessage(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as { errorMessage?: unknown } | null;
    if (typeof parsed?.errorMessage === 'string') return shorten(parsed.errorMessage);
  } catch {
    // A body that is not JSON has no message for the caller.
  }
  return undefined;
}

/** Cuts `text` to MAX_DETAIL_LENGTH characters. */
export function shorten(text: string): string {
  return text.length > MAX_DETAIL_LENGTH ? `${text.slice(0, MAX_DETAIL_LENGTH - 3)}...` : text;
}
