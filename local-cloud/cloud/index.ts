// The local cloud: the server `cloud` object that cloud functions get as `context.cloud` when
// they run on this machine. faas-mini-app calls its `cloudSDK` option once per event to get that event's cloud.
import type { ServerCloud } from '../../contract/context';
import { createMemoryDatabase, type LocalDatabase } from './db/database';
import { createHttpApi } from './http-api';
import { notEmulatedService, rejectUnknownMembers } from './not-emulated';

export { createFileDatabase, createMemoryDatabase, type LocalDatabase } from './db/database';
export { HttpApiError } from './http-api-error';
export { NotEmulatedError } from './not-emulated';

/** The default time limit of one httpApi request, in milliseconds. */
export const DEFAULT_HTTP_TIMEOUT_MS = 10_000;

/** The value of `cloud.sdkVersion`, which faas-mini-app copies into every reply. */
export const LOCAL_SDK_VERSION = 'local-cloud';

export interface LocalCloudOptions {
  /** The database; functions sharing one see each other's documents. Default: new, in memory. */
  db?: LocalDatabase;
  /** The HTTP whitelist: each allowed domain mapped to the local base URL that serves it. */
  backends?: Record<string, string>;
  /** Time limit of one httpApi request in milliseconds. Default: DEFAULT_HTTP_TIMEOUT_MS. */
  // NOTE: the platform's own httpApi time limit is not documented.
  httpTimeoutMs?: number;
}

/** The server cloud of a local run; `sdkVersion` and `log` are read and set by faas-mini-app. */
export interface LocalCloud extends ServerCloud {
  sdkVersion: string;
  log?: (key: string, value: string) => void;
}

/** The `cloudSDK` option of faas-mini-app: a function from an event to its cloud object. */
export type CloudSDK = (event: unknown) => LocalCloud;

const TOP_REASON = 'Taobao open platform (TOP) APIs need the real cloud and its app session';
const QIMEN_REASON = 'Qimen APIs need the real cloud';
const FILE_REASON = 'cloud file storage needs the real cloud';

/** Creates the `cloudSDK` function for faas-mini-app; all its clouds share one database. */
export function createCloudSDK(options: LocalCloudOptions = {}): CloudSDK {
  const db = options.db ?? createMemoryDatabase();
  const httpApi = createHttpApi({
    backends: options.backends ?? {},
    timeoutMs: options.httpTimeoutMs ?? DEFAULT_HTTP_TIMEOUT_MS,
  });

  return () => createLocalCloud(db, httpApi);
}

function createLocalCloud(db: LocalDatabase, httpApi: ServerCloud['httpApi']): LocalCloud {
  const cloud: LocalCloud = {
    sdkVersion: LOCAL_SDK_VERSION,
    db: { collection: (name) => db.collection(name) },
    httpApi,
    topApi: notEmulatedService(
      'topApi',
      ['invoke'],
      TOP_REASON,
    ) as unknown as ServerCloud['topApi'],
  };

  Object.assign(cloud, {
    qimenApi: notEmulatedService('qimenApi', ['invoke'], QIMEN_REASON),
    file: notEmulatedService(
      'file',
      ['uploadFile', 'downloadFile', 'deleteFile', 'getTempFileURL'],
      FILE_REASON,
    ),
    // faas-mini-app assigns cloud.log (a key-value log of the request), so the member must exist.
    log: undefined,
  });

  return rejectUnknownMembers(cloud);
}
