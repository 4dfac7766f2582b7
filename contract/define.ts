// Helpers and type names for declaring the contract. This file contains no schema of its own, so
// client and plugin code can import its types without pulling the validator into their output.
import type { z } from 'zod';

/**
 * The schema type that `handler` accepts: any zod schema. It names only the field every zod
 * schema has, because relating a schema to the full `z.ZodType` costs the checker far more.
 */
export interface Schema {
  _zod: unknown;
}

/** A handler's declaration: the shape of its input, the shape of its result, and its login need. */
export interface HandlerSpec<Input extends Schema = z.ZodType, Result extends Schema = z.ZodType> {
  input: Input;
  result: Result;
  /** True when the handler must run for a logged-in user (the event carries an `openId`). */
  login: boolean;
}

/** A cloud function's declaration: its handlers by name. */
export type FunctionSpec = Record<string, HandlerSpec>;

/** The whole contract: every cloud function by name. */
export type ContractSpec = Record<string, FunctionSpec>;

/** Declares one handler; an identity function that keeps the literal schema types. */
export function handler<Input extends Schema, Result extends Schema>(
  spec: HandlerSpec<Input, Result>,
): HandlerSpec<Input, Result> {
  return spec;
}

/** Lists the handlers of each function that run without a logged-in user. */
export function notNeedLogin(spec: ContractSpec): Record<string, string[]> {
  const lists: Record<string, string[]> = {};
  for (const [fn, handlers] of Object.entries(spec)) {
    lists[fn] = Object.entries(handlers)
      .filter(([, declared]) => !declared.login)
      .map(([name]) => name);
  }
  return lists;
}
