// What a promise of the SDK settled with, in a form tests can compare.

export type Outcome =
  | { resolved: unknown }
  | { rejected: { message: string; code: unknown; msg: unknown; isError: boolean } };

export async function outcomeOf(promise: Promise<unknown>): Promise<Outcome> {
  try {
    return { resolved: await promise };
  } catch (error) {
    const { message, code, msg } = error as { message: string; code: unknown; msg: unknown };
    // The SDK's errors come from the vm realm too, so instanceof would not see them as Error.
    const isError = Object.prototype.toString.call(error) === '[object Error]';
    return { rejected: { message, code, msg, isError } };
  }
}
