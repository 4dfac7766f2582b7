// A global `my` for the real cloud SDK (@tbmp/mp-cloud-sdk) in Node. The test replies to each
// `my.sendMtop` request, and the loading indicator calls are recorded.
import { vi } from 'vitest';

/** What the SDK passes to `my.sendMtop` for `cloud.function.invoke`, with `data` parsed. */
export interface FunctionRequest {
  api: string;
  fcName: string;
  handler: string;
  /** The input, parsed from the JSON string the SDK sends. */
  input: unknown;
}

/** The test's reply to one request: `success` or `fail` calls the SDK's callback of that name. */
export type MtopAnswer = { success: unknown } | { fail: unknown };

export interface FakeMiniProgram {
  requests: FunctionRequest[];
  /** `show:<text>` and `hide`, in call order. */
  loadingEvents: string[];
}

interface SendMtopOptions {
  api: string;
  data: { fcName: string; handler: string; data?: string };
  success(reply: unknown): void;
  fail(error: unknown): void;
}

/** Installs the global `my`; `answer` may return a promise to hold the reply back. */
export function installMiniProgram(
  answer: (request: FunctionRequest) => MtopAnswer | Promise<MtopAnswer>,
): FakeMiniProgram {
  const fake: FakeMiniProgram = { requests: [], loadingEvents: [] };

  const my = {
    sendMtop(options: SendMtopOptions) {
      const request: FunctionRequest = {
        api: options.api,
        fcName: options.data.fcName,
        handler: options.data.handler,
        input: options.data.data === undefined ? undefined : JSON.parse(options.data.data),
      };
      fake.requests.push(request);

      void Promise.resolve(answer(request)).then((reply) => {
        if ('success' in reply) options.success(reply.success);
        else options.fail(reply.fail);
      });
    },
    showLoading(options: { content?: string }) {
      fake.loadingEvents.push(`show:${options.content}`);
    },
    hideLoading() {
      fake.loadingEvents.push('hide');
    },
  };

  vi.stubGlobal('my', my);
  return fake;
}

/** An mtop reply whose function result (`data.data`) is `value`. */
export function mtopResult(value: unknown): { success: unknown } {
  return { success: { ret: ['SUCCESS::调用成功'], data: { data: value } } };
}

/** An mtop reply that carries a function error, which the SDK turns into a rejection. */
export function mtopFunctionError(errorCode: unknown, errorMessage: string): { success: unknown } {
  return { success: { ret: ['SUCCESS::调用成功'], data: { errorCode, errorMessage } } };
}
