// The names and shapes that the contract gives to callers and handlers. Types only: client and
// plugin code can import this file without pulling zod or the schemas into their output.
//
// These types let the checker resolve only the function a call names. `Contract` is the module's
// namespace, whose exports are typed one at a time when first used. The input and result types
// match a schema's `_zod` field by pattern: through `z.input`, passing an object literal to
// `invoke` made the checker resolve every function of the contract (measured in
// tests/contract/type-cost.test.ts).
import type * as api from './api';

/** The contract as a type: each cloud function's declaration by name. */
export type Contract = typeof api;

/** The name of a cloud function declared in the contract. */
export type FunctionName = keyof Contract & string;

/** The name of a handler of cloud function `F`. */
export type HandlerName<F extends FunctionName> = keyof Contract[F] & string;

/** The input a caller sends to a handler. Fields with a default are optional here. */
export type InputOf<F extends FunctionName, H extends HandlerName<F>> = [Contract[F][H]] extends [
  { input: { _zod: { input: infer Input } } },
]
  ? Input
  : never;

/** The input a handler receives after validation, with defaults filled in. */
export type ParsedInputOf<F extends FunctionName, H extends HandlerName<F>> = [
  Contract[F][H],
] extends [{ input: { _zod: { output: infer Parsed } } }]
  ? Parsed
  : never;

/** The result a handler returns and a caller receives. */
export type ResultOf<F extends FunctionName, H extends HandlerName<F>> = [Contract[F][H]] extends [
  { result: { _zod: { output: infer Result } } },
]
  ? Result
  : never;
