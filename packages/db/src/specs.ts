import { type FlowSpec, flowSpecSchema, validate } from '@parley/engine/flow';
import { InvalidFlowError } from './errors';
import type { Prisma } from './generated/client';

/**
 * The spec as stored: parsed by flowSpecSchema (defaults filled). Drafts may still have
 * validation errors, but they must at least have the FlowSpec's shape.
 */
export function storableSpec(spec: unknown, context: string): FlowSpec {
  const result = validate(spec);
  if (!result.spec) throw new InvalidFlowError(context, result.issues);
  return result.spec;
}

/** The spec as publishable: no validation error at all. */
export function publishableSpec(spec: unknown, context: string): FlowSpec {
  const result = validate(spec);
  if (!result.valid || !result.spec) throw new InvalidFlowError(context, result.issues);
  return result.spec;
}

/** A stored spec read back, parsed again so callers get a typed FlowSpec. */
export function readSpec(json: Prisma.JsonValue): FlowSpec {
  return flowSpecSchema.parse(json);
}

/** A spec in the form Prisma writes to a Json column. */
export function specJson(spec: FlowSpec): Prisma.InputJsonValue {
  return spec as unknown as Prisma.InputJsonValue;
}
