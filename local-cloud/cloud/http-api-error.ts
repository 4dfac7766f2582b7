// The error `httpApi.invoke` rejects with. It has a `name`, so when a handler lets it escape,
// faas-mini-app reports its `code` as the reply's errorCode.

export type HttpApiErrorCode =
  | 'HTTP_API_INVALID_REQUEST'
  | 'HTTP_API_NOT_WHITELISTED'
  | 'HTTP_API_NETWORK'
  | 'HTTP_API_TIMEOUT'
  | 'HTTP_API_STATUS';

/** A failed `httpApi.invoke`: an invalid request, a refused domain, or a failed exchange. */
export class HttpApiError extends Error {
  override name = 'HttpApiError';
  code: HttpApiErrorCode;
  /** The HTTP status, for HTTP_API_STATUS. */
  status?: number;
  /** The response body as text, for HTTP_API_STATUS. */
  body?: string;

  constructor(
    code: HttpApiErrorCode,
    message: string,
    response?: { status: number; body: string },
  ) {
    super(message);
    this.code = code;
    this.status = response?.status;
    this.body = response?.body;
  }
}
