// httpOms: calls an OMS backend API through the omsBase cloud function (handler omsHttp), typed
// by oms-apis.ts. The cloud function adds the backend's domain, the path prefix and the caller's
// identity, so none of them appears in client code.
import { http } from './http';
import type { OmsApi, OmsApis } from './oms-apis';

export type { Order, OrderPage } from './oms-apis';

export interface OmsRequest<Api extends OmsApi> {
  /** The API path after the prefix, such as '/orders/list'. */
  api: Api;
  /** Sent as the query string with GET (the default) or as the JSON body with POST. */
  data: OmsApis[Api]['data'];
  method?: 'GET' | 'POST';
  loadingText?: string;
  needLoading?: boolean;
}

/** Calls `request.api` on the OMS backend and resolves with the `data` of its reply. */
export async function httpOms<Api extends OmsApi>(
  request: OmsRequest<Api>,
): Promise<OmsApis[Api]['result']> {
  const method = request.method ?? 'GET';
  const data = request.data as Record<string, string | number | boolean>;
  const parameter =
    method === 'GET'
      ? { api: request.api, method, params: data }
      : { api: request.api, method, body: data };

  const result = await http({
    invokeName: 'omsBase',
    handler: 'omsHttp',
    parameter,
    loadingText: request.loadingText,
    needLoading: request.needLoading,
  });
  // omsHttp's declared result is `unknown`: the shape of each API's data is the backend's,
  // described in oms-apis.ts and not checked at run time.
  return result as OmsApis[Api]['result'];
}
