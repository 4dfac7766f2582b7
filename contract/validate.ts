// Run-time checks of what a cloud function receives and returns. Server only: imports zod.
import type { z } from 'zod';

import { CloudError, ErrorCode } from './errors';

/** Bounds on the shape of a handler's input, checked before the schema runs. */
export interface InputLimits {
  /** The deepest nesting of objects and arrays, counting the input object as level 1. */
  maxDepth: number;
  /** The maximum number of values (objects, arrays and leaves together) in one input. */
  maxValues: number;
}

export const DEFAULT_INPUT_LIMITS: InputLimits = { maxDepth: 16, maxValues: 10_000 };

// Keys that can reach an object's prototype when code copies or merges the input.
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const ROOT = 'input';

/**
 * Checks `data` (the caller's parameters) against the limits and the input schema, and returns
 * the parsed input. Throws `CloudError('INVALID_INPUT', '<path>: <reason>')` otherwise, where
 * the path starts with `input`, as in `input.items.0.title`. A missing `data` counts as `{}`.
 */
export function parseInput<Schema extends z.ZodType>(
  schema: Schema,
  data: unknown,
  limits: InputLimits = DEFAULT_INPUT_LIMITS,
): z.output<Schema> {
  const input = data === undefined ? {} : data;

  if (!isPlainObject(input)) {
    throw invalidInput([], `expected an object, received ${describeType(input)}`);
  }

  checkShape(input, limits);

  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;

  const [first, ...rest] = parsed.error.issues;
  const { path, reason } = describeIssue(first, input);
  const more = rest.length > 0 ? ` (and ${rest.length} more problems)` : '';
  throw invalidInput(path, reason + more);
}

/** Checks a handler's return value against the result schema. */
export function checkResult<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
): { ok: true; value: z.output<Schema> } | { ok: false; problem: string } {
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };

  const { path, reason } = describeIssue(parsed.error.issues[0], value);
  return { ok: false, problem: `${formatPath(path, 'result')}: ${reason}` };
}

interface Pending {
  value: unknown;
  path: PropertyKey[];
  depth: number;
}

// Walks the input without recursion, so a deeply nested payload cannot exhaust the stack. Values
// are counted as they are found, so a huge array is rejected before its items are queued.
function checkShape(input: object, limits: InputLimits): void {
  const pending: Pending[] = [{ value: input, path: [], depth: 1 }];
  let count = 1;

  while (pending.length > 0) {
    const { value, path, depth } = pending.pop() as Pending;
    if (typeof value !== 'object' || value === null) continue;

    if (depth > limits.maxDepth) {
      throw invalidInput(path, `nested deeper than ${limits.maxDepth} levels`);
    }

    const keys = Object.keys(value);
    count += keys.length;
    if (count > limits.maxValues) {
      throw invalidInput(path, `the input contains more than ${limits.maxValues} values`);
    }

    for (const key of keys) {
      if (FORBIDDEN_KEYS.has(key)) {
        throw invalidInput([...path, key], 'this key is not allowed');
      }
      const child = (value as Record<string, unknown>)[key];
      pending.push({ value: child, path: [...path, key], depth: depth + 1 });
    }
  }
}

function describeIssue(
  issue: z.core.$ZodIssue,
  root: unknown,
): { path: PropertyKey[]; reason: string } {
  if (issue.code === 'unrecognized_keys') {
    return {
      path: [...issue.path, issue.keys[0]],
      reason: 'unknown field: the contract does not declare it, so remove it',
    };
  }

  if (issue.code === 'invalid_type' && valueAt(root, issue.path) === undefined) {
    return { path: issue.path, reason: `required field is missing (expected ${issue.expected})` };
  }

  return { path: issue.path, reason: issue.message };
}

function invalidInput(path: PropertyKey[], reason: string): CloudError {
  const field = path.length > 0 ? path.map(String).join('.') : undefined;
  return new CloudError(ErrorCode.INVALID_INPUT, `${formatPath(path, ROOT)}: ${reason}`, field);
}

function formatPath(path: PropertyKey[], root: string): string {
  return [root, ...path.map(String)].join('.');
}

function valueAt(root: unknown, path: PropertyKey[]): unknown {
  let current = root;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, key)) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}
