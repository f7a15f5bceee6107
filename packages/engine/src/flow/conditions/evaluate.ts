import { TOOL_RESULT_NAME } from './check';
import type { ConditionNode } from './parse';

type Value = unknown;

/** What a condition reads: the call's variables and the last tool result's JSON. */
export interface ConditionScope {
  variables: Readonly<Record<string, string | number | boolean>>;
  result?: unknown;
}

/**
 * Walks a parsed condition. True only for a real `true`: anything it cannot compute (a missing
 * field, an unset variable compared with `<`) is false, never an exception in the call.
 */
export function evaluateCondition(node: ConditionNode, scope: ConditionScope): boolean {
  return value(node, scope) === true;
}

function value(node: ConditionNode, scope: ConditionScope): Value {
  switch (node.kind) {
    case 'literal':
      return node.value;
    case 'name':
      if (node.name === TOOL_RESULT_NAME) return scope.result ?? null;
      return Object.hasOwn(scope.variables, node.name) ? scope.variables[node.name] : null;
    case 'path': {
      let current: Value = node.root === TOOL_RESULT_NAME ? scope.result : undefined;
      for (const key of node.keys) {
        // Own keys only: a path never reaches prototypes (`result.constructor`).
        if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key)) return null;
        current = (current as Record<string, Value>)[key];
      }
      return current ?? null;
    }
    case 'unary': {
      const argument = value(node.argument, scope);
      if (node.operator === '!') return argument === true ? false : argument === false ? true : null;
      return typeof argument === 'number' ? -argument : null;
    }
    case 'binary':
      return binary(node.operator, node.left, node.right, scope);
  }
}

function binary(
  operator: Extract<ConditionNode, { kind: 'binary' }>['operator'],
  leftNode: ConditionNode,
  rightNode: ConditionNode,
  scope: ConditionScope,
): Value {
  if (operator === '&&') return value(leftNode, scope) === true && value(rightNode, scope) === true;
  if (operator === '||') return value(leftNode, scope) === true || value(rightNode, scope) === true;
  const left = value(leftNode, scope);
  const right = value(rightNode, scope);
  switch (operator) {
    case '==':
      return left === right;
    case '!=':
      return left !== right;
    case '<':
    case '<=':
    case '>':
    case '>=':
      return order(operator, left, right);
    case '+':
      if (typeof left === 'number' && typeof right === 'number') return left + right;
      if (typeof left === 'string' && typeof right === 'string') return left + right;
      return null;
    default: {
      if (typeof left !== 'number' || typeof right !== 'number') return null;
      if (operator === '-') return left - right;
      if (operator === '*') return left * right;
      return operator === '/' ? left / right : left % right;
    }
  }
}

function order(operator: '<' | '<=' | '>' | '>=', left: Value, right: Value): boolean | null {
  const comparable =
    (typeof left === 'number' && typeof right === 'number') || (typeof left === 'string' && typeof right === 'string');
  if (!comparable) return null;
  const a = left as number | string;
  const b = right as number | string;
  if (operator === '<') return a < b;
  if (operator === '<=') return a <= b;
  if (operator === '>') return a > b;
  return a >= b;
}
