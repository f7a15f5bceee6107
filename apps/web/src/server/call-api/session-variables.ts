import type { CallVariables } from '@parley/db';
import type { FlowSpec } from '@parley/engine/flow';
import { ApiError } from '../api-error';

/**
 * The call's variables, checked against the variables the live version declares: every name
 * must be declared and every value a string (how calls store them). 422 `invalid_variables`
 * names each offender and lists what the flow declares.
 */
export function checkSessionVariables(spec: FlowSpec, given: Record<string, unknown>): CallVariables {
  const declared = new Set(spec.variables.map((variable) => variable.name));
  const issues: { path: string; message: string }[] = [];
  for (const [name, value] of Object.entries(given)) {
    if (!declared.has(name))
      issues.push({ path: `variables.${name}`, message: 'the live version declares no such variable' });
    else if (typeof value !== 'string') issues.push({ path: `variables.${name}`, message: 'must be a string' });
  }
  if (issues.length === 0) return given as CallVariables;
  const names = issues.map((issue) => `"${issue.path.slice('variables.'.length)}" (${issue.message})`).join(', ');
  const known = declared.size > 0 ? [...declared].map((name) => `"${name}"`).join(', ') : 'none';
  throw new ApiError(
    422,
    'invalid_variables',
    `These variables are not accepted: ${names}. The flow declares: ${known}.`,
    {
      issues,
    },
  );
}
