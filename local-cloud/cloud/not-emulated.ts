// The parts of the server `cloud` object that the local cloud does not emulate. Each call
// rejects with the same error instead of resolving with an empty result, so a local run never
// looks like it worked when the real cloud would have done something else.

/** Thrown for a cloud API that only the real cloud has. */
export class NotEmulatedError extends Error {
  override name = 'NotEmulatedError';
  code = 'NOT_EMULATED';
}

/** Builds the error for one API, such as `topApi.invoke`. */
export function notEmulated(api: string, reason: string): NotEmulatedError {
  return new NotEmulatedError(
    `cloud.${api} is not available in the local cloud: ${reason}. ` +
      'Test this call after uploading the function.',
  );
}

/** Returns an object whose methods all reject with NotEmulatedError. */
export function notEmulatedService(
  service: string,
  methods: string[],
  reason: string,
): Record<string, (...args: unknown[]) => Promise<never>> {
  const stubs: Record<string, (...args: unknown[]) => Promise<never>> = {};
  for (const method of methods) {
    stubs[method] = () => Promise.reject(notEmulated(`${service}.${method}`, reason));
  }
  return stubs;
}

// Properties that tools read on any object (promise checks, JSON, inspection, test matchers).
// Reading them must not throw, or printing the cloud object would fail.
const INTROSPECTED = new Set([
  'then',
  'toJSON',
  'constructor',
  'inspect',
  'nodeType',
  'asymmetricMatch',
  '$$typeof',
  '@@__IMMUTABLE_ITERABLE__@@',
  '@@__IMMUTABLE_RECORD__@@',
]);

/** Wraps the cloud object so that reading a member it lacks throws a NotEmulatedError. */
export function rejectUnknownMembers<T extends object>(cloud: T): T {
  return new Proxy(cloud, {
    get(target, property, receiver) {
      if (typeof property === 'symbol' || property in target || INTROSPECTED.has(property)) {
        return Reflect.get(target, property, receiver);
      }
      throw notEmulated(property, 'the local cloud has db and httpApi only');
    },
  });
}
