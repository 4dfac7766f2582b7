// `cloud.httpApi.invoke` of the local cloud: real HTTP to a local server, with the platform's
// whitelist rule. A function names its production domain; the domain must be on the whitelist
// exactly as written, and `backends` maps it to the local base URL that serves it.
import type { HttpApiRequest } from '../../contract/context';
import { describe, isPlainObject } from './values';
import { HttpApiError } from './http-api-error';
import { sendRequest, type OutgoingRequest } from './http-request';

export interface HttpApiOptions {
  /** The whitelist: each allowed domain, mapped to the local base URL that serves it. */
  backends: Record<string, string>;
  /** Time limit of one request, response body included, in milliseconds. */
  timeoutMs: number;
}

export interface LocalHttpApi {
  invoke(request: HttpApiRequest): Promise<string>;
}

/** The longest GET URL the platform forwards whole, in bytes (longer ones are cut). */
export const MAX_GET_URL_BYTES = 256;

/** Creates `cloud.httpApi` for a whitelist of local backends. */
export function createHttpApi(options: HttpApiOptions): LocalHttpApi {
  return {
    async invoke(request) {
      const outgoing = prepareRequest(request, options);
      const response = await sendRequest(outgoing);

      // A non-2xx status rejects, with the status and body on the error, so a handler cannot
      // mistake an error page for data. NOTE: what the platform does with a non-2xx response
      // (reject, or resolve with the body) is not confirmed by its documentation.
      if (response.status < 200 || response.status > 299) {
        throw new HttpApiError(
          'HTTP_API_STATUS',
          `httpApi.invoke: ${outgoing.label} returned HTTP ${response.status}: ` +
            shorten(response.body),
          response,
        );
      }
      return response.body;
    },
  };
}

/** Checks a request against the platform's rules and builds what to send. */
function prepareRequest(request: HttpApiRequest, options: HttpApiOptions): OutgoingRequest {
  if (!isPlainObject(request)) {
    throw invalid(`expected a request object { domain, path, ... }, got ${describe(request)}`);
  }

  const base = whitelistedBase(request.domain, options.backends);
  const method = checkMethod(request.method);
  const path = checkPath(request.path);
  const url = buildUrl(base, path, request.params);
  const label = `${method} ${request.domain}${path}`;

  if (method === 'GET') {
    checkGetRequest(request, url);
  }

  const headers = checkHeaders(request.headers);
  const body = encodeBody(request.body, headers);
  if (body !== undefined) headers['content-length'] = String(body.length);

  return { url, method, headers, body, timeoutMs: options.timeoutMs, label };
}

function whitelistedBase(domain: unknown, backends: Record<string, string>): string {
  if (typeof domain !== 'string' || domain === '') {
    throw invalid('domain is required: the whitelisted domain, such as "api.example.com"');
  }

  if (Object.prototype.hasOwnProperty.call(backends, domain)) return backends[domain];

  const listed = Object.keys(backends);
  throw new HttpApiError(
    'HTTP_API_NOT_WHITELISTED',
    `httpApi.invoke: domain "${domain}" is not on the HTTP whitelist ` +
      `(whitelisted: ${listed.length > 0 ? listed.join(', ') : 'none'}). ` +
      'The domain must match exactly, ' +
      "without scheme or path. Add it to the app's HTTP whitelist in the open platform console, " +
      'and to local.backends in starter.config.ts with the local URL that serves it.',
  );
}

function checkMethod(method: unknown): 'GET' | 'POST' {
  // The platform's default method is POST.
  if (method === undefined) return 'POST';
  if (method === 'GET' || method === 'POST') return method;

  throw invalid(`method must be "GET" or "POST", got ${describe(method)}`);
}

function checkPath(path: unknown): string {
  if (typeof path === 'string' && path.startsWith('/')) return path;

  throw invalid(`path must be a string starting with "/", got ${describe(path)}`);
}

function buildUrl(base: string, path: string, params: unknown): URL {
  const url = new URL(base.replace(/\/+$/, '') + path);
  if (params === undefined) return url;

  if (!isPlainObject(params)) {
    throw invalid(`params must be an object of query values, got ${describe(params)}`);
  }

  for (const [key, value] of Object.entries(params)) {
    if (!['string', 'number', 'boolean'].includes(typeof value)) {
      throw invalid(`params.${key} must be a string, number or boolean, got ${describe(value)}`);
    }
    url.searchParams.append(key, String(value));
  }
  return url;
}

function checkGetRequest(request: HttpApiRequest, url: URL): void {
  if (request.body !== undefined) {
    throw invalid('a GET request has no body; send the values in params, or use POST');
  }

  // NOTE: the platform documents that longer GET URLs are cut; whether it counts the scheme
  // and the host is not stated, so the whole production URL is measured here.
  const productionUrl = `https://${request.domain}${url.pathname}${url.search}`;
  const bytes = Buffer.byteLength(productionUrl);
  if (bytes > MAX_GET_URL_BYTES) {
    throw invalid(
      `the GET URL ${productionUrl.slice(0, 60)}... is ${bytes} bytes; the platform cuts GET URLs ` +
        `after ${MAX_GET_URL_BYTES} bytes, so send the values in a POST body`,
    );
  }
}

function checkHeaders(headers: unknown): Record<string, string> {
  if (headers === undefined) return {};

  const valid =
    isPlainObject(headers) && Object.values(headers).every((v) => typeof v === 'string');
  if (!valid) {
    throw invalid(`headers must map header names to strings, got ${describe(headers)}`);
  }

  const lowerCased: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers as Record<string, string>)) {
    lowerCased[name.toLowerCase()] = value;
  }
  return lowerCased;
}

/** Encodes the body: text as is, an object as JSON, or as a form when the content type is form-encoded. */
function encodeBody(body: unknown, headers: Record<string, string>): Buffer | undefined {
  if (body === undefined) return undefined;

  if (typeof body === 'string') {
    headers['content-type'] ??= 'text/plain; charset=utf-8';
    return Buffer.from(body);
  }

  const type = headers['content-type'] ?? '';
  if (type.startsWith('application/x-www-form-urlencoded') && isPlainObject(body)) {
    const form = new URLSearchParams();
    for (const [key, value] of Object.entries(body)) form.append(key, String(value));
    return Buffer.from(form.toString());
  }

  headers['content-type'] = type || 'application/json';
  return Buffer.from(JSON.stringify(body));
}

function invalid(reason: string): HttpApiError {
  return new HttpApiError('HTTP_API_INVALID_REQUEST', `httpApi.invoke: ${reason}`);
}

function shorten(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  if (oneLine === '') return '(empty body)';
  return oneLine.length > 200 ? `${oneLine.slice(0, 197)}...` : oneLine;
}
