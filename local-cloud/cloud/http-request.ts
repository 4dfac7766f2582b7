// Sends one HTTP request with node's http or https module and reads the whole response body.
import http from 'node:http';
import https from 'node:https';

import { HttpApiError } from './http-api-error';

export interface OutgoingRequest {
  url: URL;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: Buffer;
  timeoutMs: number;
  /** The request's name in messages, such as `POST oms.example.com/orders/list`. */
  label: string;
}

export interface IncomingResponse {
  status: number;
  body: string;
}

/** Sends a request; rejects on a network failure or when the whole exchange exceeds the timeout. */
export function sendRequest(request: OutgoingRequest): Promise<IncomingResponse> {
  const transport = request.url.protocol === 'https:' ? https : http;

  return new Promise((resolve, reject) => {
    const outgoing = transport.request(request.url, {
      method: request.method,
      headers: request.headers,
    });

    let timeout: HttpApiError | undefined;
    const timer = setTimeout(() => {
      timeout = new HttpApiError(
        'HTTP_API_TIMEOUT',
        `httpApi.invoke: ${request.label} timed out after ${request.timeoutMs} ms ` +
          `(local backend ${request.url.origin})`,
      );
      outgoing.destroy(timeout);
    }, request.timeoutMs);

    // After a timeout, the request or the response may fail first with its own error; the
    // timeout is the cause either way.
    const fail = (error: Error) => {
      clearTimeout(timer);
      reject(timeout ?? networkError(request, error));
    };

    outgoing.on('error', fail);
    outgoing.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', fail);
      response.on('end', () => {
        clearTimeout(timer);
        resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') });
      });
    });

    outgoing.end(request.body);
  });
}

function networkError(request: OutgoingRequest, error: Error): HttpApiError {
  const reason = (error as NodeJS.ErrnoException).code ?? error.message;
  return new HttpApiError(
    'HTTP_API_NETWORK',
    `httpApi.invoke: ${request.label} failed: ` +
      `could not reach the local backend ${request.url.origin} (${reason}); ` +
      'start it (npm run mock-oms for the OMS mock) or change local.backends in starter.config.ts',
  );
}
