// The typed client of the host's pages, over the cloud that app.ts initialized. `http` is the
// request-object form: http({ invokeName, handler, parameter, loadingText, needLoading,
// callback }); `invoke` is the positional form: invoke(fn, handler, input, options).
import { createClient, isCloudError as isCloudErrorValue } from '../../contract/client';

// getApp() is read when each call starts, so this module may load before App.onLaunch runs.
const client = createClient(() => getApp().cloud);

export const http = client.http;
export const invoke = client.invoke;
export { isCloudError } from '../../contract/client';
export type { CloudError } from '../../contract/client';

/** Returns the message a page shows for a failed call. */
export function errorMessage(
  error: unknown,
  fallback = 'Something went wrong; try again.',
): string {
  return isCloudErrorValue(error) ? error.message : fallback;
}
