import jsep from 'jsep';

/**
 * Condition expressions are parsed by jsep (MIT, maintained, parse-only: it never runs code) into
 * a small AST that our own checker types and our own evaluator walks. Anything outside this
 * grammar (calls, `this`, arrays, assignment) is refused at parse time.
 */
export type ConditionNode =
  | { kind: 'literal'; value: string | number | boolean | null }
  | { kind: 'name'; name: string }
  /** `result.a.b` or `result["a"]`: a path into the last tool result. */
  | { kind: 'path'; root: string; keys: string[] }
  | { kind: 'unary'; operator: '!' | '-'; argument: ConditionNode }
  | { kind: 'binary'; operator: BinaryOperator; left: ConditionNode; right: ConditionNode };

export const binaryOperators = ['||', '&&', '==', '!=', '<', '<=', '>', '>=', '+', '-', '*', '/', '%'] as const;
export type BinaryOperator = (typeof binaryOperators)[number];

export type ParsedCondition = { ok: true; node: ConditionNode } | { ok: false; problem: string };

const parser = jsep;
// Only the operators we evaluate; jsep's bitwise ones and `===` have no meaning here.
for (const op of ['|', '^', '&', '===', '!==', '<<', '>>', '>>>', '??']) parser.removeBinaryOp(op);
for (const op of ['~', '+']) parser.removeUnaryOp(op);

// The builder validates the whole flow on every edit: most conditions are unchanged, so keep
// their parses (results are never mutated). Bounded so a long-lived server cannot grow it forever.
const cache = new Map<string, ParsedCondition>();
const CACHE_LIMIT = 5000;

/** Parses `source`; the problem names what is wrong and where (character index). */
export function parseCondition(source: string): ParsedCondition {
  let parsed = cache.get(source);
  if (!parsed) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    parsed = parseUncached(source);
    cache.set(source, parsed);
  }
  return parsed;
}

function parseUncached(source: string): ParsedCondition {
  if (!source.trim()) return { ok: false, problem: 'is empty; write a condition such as `age >= 18`' };
  let tree: jsep.Expression;
  try {
    tree = parser(source);
  } catch (error) {
    return { ok: false, problem: `is not a valid expression: ${error instanceof Error ? error.message : error}` };
  }
  try {
    return { ok: true, node: convert(tree) };
  } catch (error) {
    return { ok: false, problem: error instanceof Error ? error.message : String(error) };
  }
}

function convert(node: jsep.Expression): ConditionNode {
  switch (node.type) {
    case 'Literal': {
      const value = (node as jsep.Literal).value;
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null) {
        return { kind: 'literal', value };
      }
      throw new Error(`uses an unsupported literal ${(node as jsep.Literal).raw}`);
    }
    case 'Identifier':
      return { kind: 'name', name: (node as jsep.Identifier).name };
    case 'MemberExpression':
      return memberPath(node as jsep.MemberExpression);
    case 'UnaryExpression': {
      const unary = node as jsep.UnaryExpression;
      if (unary.operator !== '!' && unary.operator !== '-') throw new Error(`uses unsupported "${unary.operator}"`);
      return { kind: 'unary', operator: unary.operator, argument: convert(unary.argument) };
    }
    case 'BinaryExpression': {
      const binary = node as jsep.BinaryExpression;
      if (!(binaryOperators as readonly string[]).includes(binary.operator)) {
        throw new Error(`uses unsupported operator "${binary.operator}"`);
      }
      return {
        kind: 'binary',
        operator: binary.operator as BinaryOperator,
        left: convert(binary.left),
        right: convert(binary.right),
      };
    }
    case 'CallExpression':
      throw new Error('calls a function; conditions can only compare values');
    default:
      throw new Error(`uses unsupported syntax (${node.type}); use names, literals, comparisons, && || !`);
  }
}

function memberPath(node: jsep.MemberExpression): ConditionNode {
  const keys: string[] = [];
  let current: jsep.Expression = node;
  while (current.type === 'MemberExpression') {
    const member = current as jsep.MemberExpression;
    const property = member.property;
    if (!member.computed && property.type === 'Identifier') keys.unshift((property as jsep.Identifier).name);
    else if (property.type === 'Literal' && typeof (property as jsep.Literal).value !== 'object') {
      keys.unshift(String((property as jsep.Literal).value));
    } else throw new Error('indexes with an expression; use a fixed key such as result.status or result["a-b"]');
    current = member.object;
  }
  if (current.type !== 'Identifier') throw new Error('reads a member of something that is not a name');
  return { kind: 'path', root: (current as jsep.Identifier).name, keys };
}
