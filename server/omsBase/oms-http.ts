// Forwards one request to the OMS backend through the platform's HTTP whitelist
// (`context.cloud.httpApi.invoke`), with a body size limit and a time limit, and turns every
// failure into a CloudError that a page can show.
import type { CloudContext, HttpApiRequest } from '../../contract/context';
import { CloudError } from '../../contract/server';
import type { ParsedInputOf } from '../../contract/types';
import { OmsErrorCode, toOmsError } from './oms-errors';
import { readOmsReply } from './oms-reply';
import { resolveBackendPath } from './path-policy';

export type OmsRequest = ParsedInputOf<'omsBase', 'omsHttp'>;

/** Sends `request` to the backend and returns the `data` of its reply. */
export async function forwardToOms(request: OmsRequest, context: CloudContext): Promise<unknown> {
  const path = resolveBackendPath(request.api);
  checkBody(request);

  const httpRequest: HttpApiRequest = {
    domain: __BACKEND__.domain,
    path,
    method: request.method,
    params: request.params,
    body: request.body,
    headers: callerHeaders(context),
  };

  const sending = context.cloud.httpApi.invoke(httpRequest).catch((error: unknown) => {
    throw toOmsError(error, request.api);
  });
  const text = await withTimeout(sending, request.api);
  return readOmsReply(text, request.api);
}

function checkBody(request: OmsRequest): void {
  if (request.body === undefined) return;

  if (request.method === 'GET') {
    throw new CloudError(
      OmsErrorCode.BAD_REQUEST,
      `omsHttp: ${request.api}: a GET request has no body; send params, or use method "POST".`,
    );
  }

  const bytes = Buffer.byteLength(JSON.stringify(request.body));
  if (bytes > __BACKEND__.maxBodyBytes) {
    throw new CloudError(
      OmsErrorCode.BAD_REQUEST,
      `omsHttp: ${request.api}: the body is ${bytes} bytes of JSON, over the limit of ` +
        `${__BACKEND__.maxBodyBytes}; send less data per request.`,
    );
  }
}

// Builds the headers that identify the caller to the backend. The values come from the
// platform, never from the caller's input, and no reply or log line repeats them.
function callerHeaders(context: CloudContext): Record<string, string> {
  const headers: Record<string, string> = {};
  if (context.openId) headers['x-oms-open-id'] = context.openId;

  const appKey = context.appKey ?? context.appkey;
  if (appKey) headers['x-oms-app-key'] = appKey;
  return headers;
}

/** Resolves as `sending` does, or rejects with a TIMEOUT CloudError after the time limit. */
async function withTimeout<T>(sending: Promise<T>, api: string): Promise<T> {
  const limitMs = __BACKEND__.timeoutMs;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      const message =
        `omsHttp: ${api}: the backend did not respond within ${limitMs} ms; ` + 'try again later.';
      reject(new CloudError(OmsErrorCode.TIMEOUT, message));
    }, limitMs);
  });

  try {
    return await Promise.race([sending, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
