// The bridge between the real client SDK (@tbmp/mp-cloud-sdk) and the local cloud: a
// `my.sendMtop` implementation that handles the SDK's cloud function call by running the
// function locally, so tests cover page, SDK, runtime and function together.
//
// What @tbmp/mp-cloud-sdk 1.5.10 sends for cloud.function.invoke(fcName, data, handler):
//   my.sendMtop({ api: 'mtop.miniapp.cloud.invoke.fc', v: '1.0', method: 'POST',
//     needLogin: true, sessionOption: 'AutoLoginAndManualLogin',
//     data: { fcName, handler, data: '<JSON>', options: '<JSON with env>', sdkVersion: '1.5.9',
//       protocols: '<JSON of mc-* headers>' }, success, fail })
//
// How the SDK reads the mtop reply (its getMtopErrorMsg and tryThrowError), observed by running
// it in node:vm and in plain Node (tests/bridge; sdk-reply-reading.test.ts pins each case):
// - success({ ret: ['SUCCESS::...'], data: { data: X } }) resolves with X, except that a falsy
//   X (null, 0, false, '') resolves with {} because the SDK reads `data.data || {}`.
// - fail({ ret: [...], data: { errorCode: C, errorMessage: M } }) rejects with an Error whose
//   message is 'C:::M', with .code C and .msg M. Without errorCode the code is '500'; with
//   ret 'FAIL_SYS_SESSION_EXPIRED::...' and no errorCode it is '904'.
// - success() with data.errorCode set also rejects, unless data.success is truthy.
// - The SDK's 1 MB check (`data.length >= 1024000`) reads .length of the data object it sends,
//   which is undefined, so large cloud.function.invoke payloads are sent (and reach this bridge).
//
// NOTE: the production gateway's reply is inferred, not observed. Most public page code
// reads the handler's return value straight from the resolved value, so the default reply
// shape 'unwrapped' resolves with the handler's result and turns `success: false` into an mtop
// failure carrying the runtime's errorCode and errorMessage. The 'wrapper' shape resolves with
// the runtime's whole reply { success, errorCode, errorMessage, result, ... } in every case, as
// code reading `res.success` / `res.result` expects.
import type { InvokeOptions, RuntimeReply } from './runtime';

export type { InvokeOptions, RuntimeReply } from './runtime';

/** Runs one handler of one cloud function and returns the runtime's reply. */
export type InvokeFunction = (
  fn: string,
  handler: string,
  data: unknown,
  options: InvokeOptions,
) => Promise<RuntimeReply>;

export interface BridgeOptions {
  invoke: InvokeFunction;
  /** The logged-in user, or null to call as a visitor (no openId, as before login). */
  user: { openId: string; mixNick?: string } | null;
  appKey?: string;
  /** The local cloud's environment. Calls from an SDK initialized with another env fail. */
  env?: string;
  /** 'unwrapped' (default) resolves with the handler's result; 'wrapper' with the whole reply. */
  replyShape?: 'unwrapped' | 'wrapper';
}

/** The options object the SDK passes to my.sendMtop. */
export interface MtopRequest {
  api: string;
  data?: unknown;
  success?: (reply: MtopReply) => void;
  fail?: (reply: MtopReply) => void;
  complete?: (reply: MtopReply) => void;
  [field: string]: unknown;
}

/** An mtop reply as my.sendMtop passes it to success or fail. */
export interface MtopReply {
  ret: string[];
  data: Record<string, unknown>;
}

export const cloudFunctionApi = 'mtop.miniapp.cloud.invoke.fc';

const successRet = 'SUCCESS::调用成功';

/** Creates a my.sendMtop that runs cloud function calls through `options.invoke`. */
export function createSendMtop(options: BridgeOptions): (request: MtopRequest) => Promise<void> {
  return async function sendMtop(request: MtopRequest): Promise<void> {
    const reply = await replyTo(request, options);
    const callback = reply.ret[0].startsWith('SUCCESS::') ? request.success : request.fail;
    callback?.(reply);
    request.complete?.(reply);
  };
}

async function replyTo(request: MtopRequest, options: BridgeOptions): Promise<MtopReply> {
  if (request.api !== cloudFunctionApi) {
    return failure(
      'LOCAL_MTOP_UNSUPPORTED',
      `my.sendMtop: api '${request.api}' is not emulated by the local cloud bridge; ` +
        `only ${cloudFunctionApi} (cloud.function.invoke) is.`,
    );
  }

  let call: ParsedCall;
  try {
    call = parseCall(request.data);
  } catch (error) {
    return failure('LOCAL_MTOP_INVALID_REQUEST', (error as Error).message);
  }

  if (options.env && call.env && call.env !== options.env) {
    return failure(
      'LOCAL_CLOUD_ENV_MISMATCH',
      `cloud.init used env '${call.env}' but the local cloud runs '${options.env}'. ` +
        'Build with the same env, or create the bridge with that env.',
    );
  }

  let reply: RuntimeReply;
  try {
    reply = await options.invoke(call.fcName, call.handler, call.data, callerOf(options));
  } catch (error) {
    // The local runtime throws (not replies) when the function is missing or fails to load.
    const { code, message } = error as { code?: unknown; message?: string };
    const errorCode = typeof code === 'string' ? code : 'LOCAL_CLOUD_ERROR';
    return failure(errorCode, `${call.fcName}.${call.handler}: ${message ?? String(error)}`);
  }

  return replyFor(throughNetwork(reply), options.replyShape ?? 'unwrapped');
}

function replyFor(reply: RuntimeReply, shape: 'unwrapped' | 'wrapper'): MtopReply {
  if (shape === 'wrapper') return { ret: [successRet], data: { data: reply } };
  if (reply.success) return { ret: [successRet], data: { data: reply.result } };

  // The runtime leaves errorCode undefined for a plain Error, so the SDK reports code 500.
  const message = reply.errorMessage || 'cloud function failed';
  return {
    ret: [`FAIL_BIZ_CLOUD_FUNCTION::${message}`],
    data: { success: false, errorCode: reply.errorCode, errorMessage: message },
  };
}

function failure(code: string, message: string): MtopReply {
  return { ret: [`FAIL_${code}::${message}`], data: { errorCode: code, errorMessage: message } };
}

interface ParsedCall {
  fcName: string;
  handler: string;
  data: unknown;
  env?: string;
}

function parseCall(data: unknown): ParsedCall {
  const fields = (typeof data === 'string' ? JSON.parse(data) : data) as Record<string, unknown>;
  if (!fields || typeof fields.fcName !== 'string' || fields.fcName === '') {
    throw new Error(`my.sendMtop(${cloudFunctionApi}): data.fcName is missing.`);
  }

  const options = parseJsonField(fields.options, 'options') as { env?: string } | undefined;
  return {
    fcName: fields.fcName,
    handler: typeof fields.handler === 'string' && fields.handler ? fields.handler : 'main',
    data: parseJsonField(fields.data, 'data') ?? {},
    env: options?.env,
  };
}

function parseJsonField(value: unknown, name: string): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    throw new Error(`my.sendMtop(${cloudFunctionApi}): data.${name} is not valid JSON.`);
  }
}

function callerOf(options: BridgeOptions): InvokeOptions {
  return {
    openId: options.user?.openId,
    mixNick: options.user?.mixNick,
    appKey: options.appKey,
    env: options.env,
  };
}

// The reply crosses the network as JSON: undefined fields vanish and dates become strings.
function throughNetwork(reply: RuntimeReply): RuntimeReply {
  return JSON.parse(JSON.stringify(reply)) as RuntimeReply;
}
