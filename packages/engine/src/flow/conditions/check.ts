import type { VariableSpec } from '../schema';
import { type ConditionNode, parseCondition } from './parse';

/** The name that stands for the last tool result's JSON in a condition. */
export const TOOL_RESULT_NAME = 'result';

type ValueType = 'string' | 'number' | 'boolean' | 'null' | 'unknown';

/** One problem of a condition, with the issue code validate() reports it under. */
export interface ConditionProblem {
  code: 'condition_syntax_invalid' | 'condition_variable_unknown' | 'condition_type_mismatch';
  problem: string;
}

/** Parses and type-checks `source` against the flow's declared variables; returns every problem found. */
export function checkCondition(source: string, variables: readonly Pick<VariableSpec, 'name' | 'type'>[]) {
  const parsed = parseCondition(source);
  if (!parsed.ok) return [{ code: 'condition_syntax_invalid', problem: parsed.problem } satisfies ConditionProblem];
  const types = new Map(variables.map((v) => [v.name, v.type]));
  const problems: ConditionProblem[] = [];
  const type = typeOf(parsed.node, types, problems);
  if (problems.length === 0 && type !== 'boolean' && type !== 'unknown') {
    problems.push({
      code: 'condition_type_mismatch',
      problem: `is a ${type}, not true/false; compare it, e.g. x == 1`,
    });
  }
  return problems;
}

function typeOf(node: ConditionNode, types: Map<string, ValueType>, problems: ConditionProblem[]): ValueType {
  const mismatch = (problem: string): ValueType => {
    problems.push({ code: 'condition_type_mismatch', problem });
    return 'unknown';
  };
  switch (node.kind) {
    case 'literal':
      return node.value === null ? 'null' : (typeof node.value as ValueType);
    case 'name': {
      if (node.name === TOOL_RESULT_NAME) return 'unknown';
      const type = types.get(node.name);
      if (type) return type;
      problems.push({
        code: 'condition_variable_unknown',
        problem: `uses "${node.name}", which is not a declared variable (or "${TOOL_RESULT_NAME}", the last tool result)`,
      });
      return 'unknown';
    }
    case 'path':
      if (node.root === TOOL_RESULT_NAME) return 'unknown';
      if (types.has(node.root)) return mismatch(`reads a field of "${node.root}", a ${types.get(node.root)} variable`);
      problems.push({
        code: 'condition_variable_unknown',
        problem: `uses "${node.root}", which is not a declared variable (only "${TOOL_RESULT_NAME}" has fields)`,
      });
      return 'unknown';
    case 'unary': {
      const type = typeOf(node.argument, types, problems);
      const wanted = node.operator === '!' ? 'boolean' : 'number';
      if (type !== wanted && type !== 'unknown') return mismatch(`applies "${node.operator}" to a ${type}`);
      return wanted;
    }
    case 'binary': {
      const left = typeOf(node.left, types, problems);
      const right = typeOf(node.right, types, problems);
      const loose = left === 'unknown' || right === 'unknown';
      switch (node.operator) {
        case '&&':
        case '||':
          for (const side of [left, right]) {
            if (side !== 'boolean' && side !== 'unknown') return mismatch(`uses "${node.operator}" on a ${side}`);
          }
          return 'boolean';
        case '==':
        case '!=':
          if (!loose && left !== right && left !== 'null' && right !== 'null') {
            return mismatch(`compares a ${left} with a ${right} using "${node.operator}"; it is never equal`);
          }
          return 'boolean';
        case '<':
        case '<=':
        case '>':
        case '>=':
          if (loose) return 'boolean';
          if (left !== right || (left !== 'number' && left !== 'string')) {
            return mismatch(`orders a ${left} against a ${right} with "${node.operator}"`);
          }
          return 'boolean';
        case '+':
          if (loose) return 'unknown';
          if (left === right && (left === 'number' || left === 'string')) return left;
          return mismatch(`adds a ${left} and a ${right}`);
        default:
          if (!loose && (left !== 'number' || right !== 'number')) {
            return mismatch(`uses "${node.operator}" on a ${left} and a ${right}`);
          }
          return 'number';
      }
    }
  }
}
