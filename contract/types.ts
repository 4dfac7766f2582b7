// The names and shapes that the contract gives to callers and handlers. Types only: client and
// plugin code can import this file without pulling zod or the schemas into their output.
import type { z } from 'zod';

import type { Contract } from './api';
import type { HandlerSpec } from './define';

/** The name of a cloud function declared in the contract. */
export type FunctionName = keyof Contract & string;

/** The name of a handler of cloud function `F`. */
export type HandlerName<F extends FunctionName> = keyof Contract[F] & string;

// The declaration of handler `H` of function `F`; `Extract` lets the compiler see its fields.
type SpecOf<F extends FunctionName, H extends HandlerName<F>> = Extract<
  Contract[F][H],
  HandlerSpec
>;

/** The input a caller sends to a handler. Fields with a default are optional here. */
export type InputOf<F extends FunctionName, H extends HandlerName<F>> = z.input<
  SpecOf<F, H>['input']
>;

/** The input a handler receives after validation, with defaults filled in. */
export type ParsedInputOf<F extends FunctionName, H extends HandlerName<F>> = z.output<
  SpecOf<F, H>['input']
>;

/** The result a handler returns and a caller receives. */
export type ResultOf<F extends FunctionName, H extends HandlerName<F>> = z.output<
  SpecOf<F, H>['result']
>;
