// The typed client that pages and plugin components call cloud functions with. The compiler
// checks the function name, the handler name, the input and the use of the result against the
// contract. No zod and no schema here: the contract is imported for its types only.
import { CloudError, ErrorCode, toCloudError } from './errors';
import { createLoadingCounter, miniProgramLoading } from './loading';
import type { LoadingIndicator } from './loading';
import { unwrapReply } from './reply';
import type { FunctionName, HandlerName, InputOf, ResultOf } from './types';

export { CloudError, ErrorCode, isCloudError } from './errors';
export type { LoadingIndicator } from './loading';

/** The part of the cloud SDK (`@tbmp/mp-cloud-sdk`) that the client uses. */
export interface CloudLike {
  function: {
    invoke(name: string, data?: object, handler?: string): Promise<unknown>;
  };
}

export interface ClientOptions {
  /** Replaces `my.showLoading`/`my.hideLoading`, for example with a custom component. */
  loading?: LoadingIndicator;
}

export interface InvokeOptions {
  /** The text under the loading indicator; defaults to `'加载中...'`. */
  loadingText?: string;
  /** Set to false to call without the loading indicator; defaults to true. */
  needLoading?: boolean;
}

/**
 * The handler that `http` calls when the request names none: `'main'` where the function has
 * it. Otherwise every handler of the function, which `HttpRequest` turns into a missing-handler
 * compile error.
 */
export type DefaultHandler<F extends FunctionName> =
  'main' extends HandlerName<F> ? 'main' : HandlerName<F>;

/** The request of `http`, in the object shape of the usual `http()` wrapper. */
export type HttpRequest<F extends FunctionName, H extends HandlerName<F>> = InvokeOptions & {
  /** The cloud function's name. */
  invokeName: F;
  /** The handler's input. */
  parameter: InputOf<F, H>;
  /** Called with the result on success, beside the returned promise. */
  callback?: (result: ResultOf<F, H>) => void;
} & ([H] extends ['main'] ? { handler?: H } : { handler: H });

export interface CloudClient {
  /** Calls handler `handler` of cloud function `fn`, like `cloud.function.invoke`. */
  invoke<F extends FunctionName, H extends HandlerName<F>>(
    fn: F,
    handler: H,
    input: InputOf<F, H>,
    options?: InvokeOptions,
  ): Promise<ResultOf<F, H>>;

  /** Calls a handler with the request object of the usual `http()` wrapper. */
  http<F extends FunctionName, H extends HandlerName<F> = DefaultHandler<F>>(
    request: HttpRequest<F, H>,
  ): Promise<ResultOf<F, H>>;
}

const DEFAULT_LOADING_TEXT = '加载中...';
const DEFAULT_HANDLER = 'main';

/**
 * Creates a typed client over the cloud that `getCloud` returns when a call starts, for example
 * `() => getApp().cloud` in a host page. Every failure rejects with a `CloudError`.
 */
export function createClient(getCloud: () => CloudLike, options: ClientOptions = {}): CloudClient {
  const loading = createLoadingCounter(options.loading ?? miniProgramLoading);

  // The server checks every result against the contract's result schema, so the reply has the
  // declared type: `Result` is that type, inferred from where the call's value goes.
  async function call<Result>(
    fn: string,
    handler: string,
    input: unknown,
    settings: InvokeOptions,
  ): Promise<Result> {
    const needLoading = settings.needLoading ?? true;
    if (needLoading) loading.begin(settings.loadingText ?? DEFAULT_LOADING_TEXT);

    try {
      const cloud = requireCloud(getCloud());
      const reply = await cloud.function.invoke(fn, input as object, handler);
      return unwrapReply(reply) as Result;
    } catch (error) {
      throw toCloudError(error);
    } finally {
      if (needLoading) loading.end();
    }
  }

  async function http<F extends FunctionName, H extends HandlerName<F>>(
    request: HttpRequest<F, H>,
  ): Promise<ResultOf<F, H>> {
    const handler = request.handler ?? DEFAULT_HANDLER;
    const result = await call<ResultOf<F, H>>(
      request.invokeName,
      handler,
      request.parameter,
      request,
    );

    if (request.callback) request.callback(result);
    return result;
  }

  return {
    invoke: (fn, handler, input, invokeOptions = {}) => call(fn, handler, input, invokeOptions),
    http,
  };
}

function requireCloud(cloud: CloudLike | undefined): CloudLike {
  if (cloud && cloud.function && typeof cloud.function.invoke === 'function') return cloud;

  throw new CloudError(
    ErrorCode.INTERNAL,
    'createClient: getCloud() returned no cloud. Call cloud.init() in App.onLaunch and return ' +
      'that cloud object (for example getApp().cloud).',
  );
}
