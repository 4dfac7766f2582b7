// The backend paths omsHttp may reach. The caller names an API such as '/orders/list'; only
// the paths listed in starter.config.ts (backend.paths) pass, so the function never becomes an
// open proxy to the backend or to any other host.
import { CloudError } from '../../contract/server';

/** Error code of a rejected API path. */
export const PATH_NOT_ALLOWED = 'PATH_NOT_ALLOWED';

// Characters that could change the path the backend receives: a query string or fragment, an
// encoded character (such as %2e or %2f), a backslash, whitespace or a control character.
const SUSPICIOUS = /[?#%\\\s\u0000-\u001f\u007f]/;

/**
 * Returns the full backend path for the API `api`: the configured prefix followed by `api`.
 * `api` may also start with the prefix itself. Throws `CloudError(PATH_NOT_ALLOWED)` for any
 * path that is not listed exactly in `__BACKEND__.paths`.
 */
export function resolveBackendPath(api: string): string {
  const { pathPrefix, paths } = __BACKEND__;
  const problem = describeProblem(api);
  if (problem) throw rejectPath(api, problem);

  const relative = api.startsWith(`${pathPrefix}/`) ? api.slice(pathPrefix.length) : api;
  if (!paths.includes(relative)) {
    throw rejectPath(api, `it is not one of the allowed APIs (${paths.join(', ')})`);
  }

  return pathPrefix + relative;
}

// These checks come before the exact match so the message names what is wrong with the path.
function describeProblem(api: string): string | undefined {
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(api) || api.startsWith('//')) {
    return 'absolute URLs are not allowed; pass the API path only';
  }
  if (!api.startsWith('/')) return 'it must start with "/"';
  if (SUSPICIOUS.test(api)) {
    return 'query strings, fragments, encoded characters, backslashes and spaces are not allowed';
  }
  if (api.split('/').some((segment) => segment === '..' || segment === '.')) {
    return '"." and ".." segments are not allowed';
  }
  return undefined;
}

function rejectPath(api: string, reason: string): CloudError {
  // JSON.stringify shows control characters and quotes in the path as escapes.
  return new CloudError(
    PATH_NOT_ALLOWED,
    `omsHttp: API ${JSON.stringify(api)} rejected: ${reason}.`,
  );
}
