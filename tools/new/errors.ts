// The one error type of `npm run new`: a request that is rejected before anything is written.

/** A rejected request. Its message states what is wrong and what to do instead. */
export class NewCommandError extends Error {
  override name = 'NewCommandError';
}
