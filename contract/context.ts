// The types of what a cloud function receives: the `context` argument and the server-side
// `cloud` object on it. Every platform field is optional because the sources disagree on which
// ones each call carries, and on the spelling of some (appKey and appkey).

/** One MongoDB-style collection of the cloud database. */
export interface CloudCollection {
  find(
    filter?: Record<string, unknown>,
    options?: {
      limit?: number;
      skip?: number;
      sort?: Record<string, 1 | -1>;
      projection?: Record<string, 0 | 1>;
    },
  ): Promise<Record<string, unknown>[]>;
  insertOne(document: Record<string, unknown>): Promise<string>;
  insertMany(documents: Record<string, unknown>[]): Promise<string[]>;
  updateMany(filter: Record<string, unknown>, update: Record<string, unknown>): Promise<number>;
  replaceOne(
    filter: Record<string, unknown>,
    replacement: Record<string, unknown>,
  ): Promise<number>;
  deleteMany(filter: Record<string, unknown>): Promise<number>;
  count(filter?: Record<string, unknown>): Promise<number>;
  aggregate(pipeline: Record<string, unknown>[]): Promise<Record<string, unknown>[]>;
}

/** A request to an outside server through the app's HTTP whitelist. */
export interface HttpApiRequest {
  /** A domain on the app's whitelist, written exactly as there. */
  domain: string;
  path: string;
  /** Defaults to POST on the platform. */
  method?: 'GET' | 'POST';
  /** The query string, as key-value pairs. */
  params?: Record<string, string | number | boolean>;
  body?: unknown;
  headers?: Record<string, string>;
}

/** The `cloud` object a cloud function gets on `context.cloud`. */
export interface ServerCloud {
  db: { collection(name: string): CloudCollection };
  httpApi: {
    /** Resolves with the response body as text; callers parse JSON themselves. */
    invoke(request: HttpApiRequest): Promise<string>;
  };
  topApi: {
    invoke(request: {
      api: string;
      data?: Record<string, unknown>;
      autoSession?: boolean;
    }): Promise<unknown>;
  };
}

/** The `context` argument of a cloud function handler. */
export interface CloudContext {
  /** The caller's parameters, as sent; validate before use. */
  data?: unknown;
  cloud: ServerCloud;
  openId?: string;
  mixNick?: string;
  /** Present only after the user authorized the app. */
  userNick?: string;
  appKey?: string;
  appkey?: string;
  miniappId?: string;
  /** Set when a plugin made the call: the plugin's app key and id. */
  sourceAppKey?: string;
  sourceMiniAppId?: string;
  accessToken?: string;
  env?: string;
  handler?: string;
  fcName?: string;
  traceId?: string;
  /** The runtime's id for this request. */
  requestId?: string;
  invokeId?: string;
}
