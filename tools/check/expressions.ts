// Parses the `{{ }}` expressions of AXML as JavaScript expressions with acorn.
// AXML's template language accepts less than any ECMAScript version (no function calls outside
// SJS, for example), so a clean parse only means the expression has no syntax error.
import * as acorn from 'acorn';

import type { AxmlExpression } from './axml';

export interface ExpressionProblem {
  message: string;
  /** Offset in the AXML file. */
  offset: number;
}

const ECMA_VERSION = 2020;

/**
 * Checks one expression. With `objectBody`, the text may also be the inside of an object
 * literal (`{{...item, index}}` or `{{a: 1, b}}`), the form `<template data="">` accepts.
 */
export function checkExpression(
  expression: AxmlExpression,
  objectBody: boolean,
): ExpressionProblem | undefined {
  if (expression.text.trim() === '') {
    return { message: 'empty expression "{{ }}"', offset: expression.offset - 2 };
  }

  const problem = parseProblem(expression.text);
  if (!problem) return undefined;
  if (objectBody && !parseProblem(`{${expression.text}}`)) return undefined;

  return {
    message: `invalid expression "{{${expression.text.trim()}}}": ${problem.message}`,
    offset: expression.offset + Math.min(problem.position, expression.text.length),
  };
}

/** Returns acorn's message and position for text that is not one whole expression. */
function parseProblem(text: string): { message: string; position: number } | undefined {
  try {
    const node = acorn.parseExpressionAt(text, 0, { ecmaVersion: ECMA_VERSION });
    const rest = text.slice(node.end);
    if (rest.trim() === '') return undefined;

    const position = node.end + (rest.length - rest.trimStart().length);
    return { message: `unexpected "${text[position]}" after the expression`, position };
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    const position = (error as SyntaxError & { pos?: number }).pos ?? 0;
    return { message: error.message.replace(/ \(\d+:\d+\)$/, ''), position };
  }
}
